-- upgrade
-- REVIEW: drops table c and all its data
DROP TABLE c;

-- REVIEW: drops table p and all its data
DROP TABLE p;

-- downgrade
CREATE TABLE p (
    id integer NOT NULL,
    keep_id integer,
    PRIMARY KEY (id),
    CONSTRAINT p_keep_id_fkey FOREIGN KEY (keep_id) REFERENCES keep (id)
);

CREATE TABLE c (
    id integer NOT NULL,
    p_id integer,
    PRIMARY KEY (id),
    CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES p (id)
);
