-- upgrade
CREATE TABLE a (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE b (
    id integer NOT NULL,
    a_id integer NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id)
);

CREATE TABLE c (
    id integer NOT NULL,
    b_id integer NOT NULL,
    a_id integer,
    PRIMARY KEY (id),
    CONSTRAINT c_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id),
    CONSTRAINT c_b_id_fkey FOREIGN KEY (b_id) REFERENCES b (id)
);

CREATE INDEX ix_c_b ON c (b_id);

-- REVIEW: drops table legacy_child and all its data
DROP TABLE legacy_child;

-- REVIEW: drops table legacy and all its data
DROP TABLE legacy;

-- downgrade
CREATE TABLE legacy (
    id integer NOT NULL,
    v character varying(10),
    PRIMARY KEY (id)
);

CREATE TABLE legacy_child (
    id integer NOT NULL,
    legacy_id integer,
    PRIMARY KEY (id),
    CONSTRAINT legacy_child_legacy_id_fkey FOREIGN KEY (legacy_id) REFERENCES legacy (id)
);

-- REVIEW: drops table c and all its data
DROP TABLE c;

-- REVIEW: drops table b and all its data
DROP TABLE b;

-- REVIEW: drops table a and all its data
DROP TABLE a;
