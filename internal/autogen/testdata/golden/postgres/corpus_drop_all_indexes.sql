-- upgrade
ALTER TABLE a DROP CONSTRAINT a_z;

DROP INDEX a_x;

DROP INDEX a_xy;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE b ADD CONSTRAINT b_z UNIQUE (z);

CREATE INDEX b_x ON b (x);

CREATE INDEX b_yx ON b (y, x);

-- downgrade
DROP INDEX b_yx;

DROP INDEX b_x;

ALTER TABLE b DROP CONSTRAINT b_z;

CREATE INDEX a_xy ON a (x, y);

CREATE INDEX a_x ON a (x);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE a ADD CONSTRAINT a_z UNIQUE (z);
