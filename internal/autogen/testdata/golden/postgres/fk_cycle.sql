-- upgrade
CREATE TABLE b (
    id integer NOT NULL,
    a_id integer,
    PRIMARY KEY (id)
);

CREATE TABLE a (
    id integer NOT NULL,
    b_id integer,
    PRIMARY KEY (id),
    CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id)
);

ALTER TABLE y ADD COLUMN x_id integer;

ALTER TABLE x ADD CONSTRAINT fk_x_y FOREIGN KEY (y_id) REFERENCES y (id);

ALTER TABLE y ADD CONSTRAINT fk_y_x FOREIGN KEY (x_id) REFERENCES x (id);

ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id);

-- downgrade
ALTER TABLE b DROP CONSTRAINT fk_b_a;

ALTER TABLE y DROP CONSTRAINT fk_y_x;

ALTER TABLE x DROP CONSTRAINT fk_x_y;

-- REVIEW: drops column y.x_id and its data
ALTER TABLE y DROP COLUMN x_id;

-- REVIEW: drops table a and all its data
DROP TABLE a;

-- REVIEW: drops table b and all its data
DROP TABLE b;
