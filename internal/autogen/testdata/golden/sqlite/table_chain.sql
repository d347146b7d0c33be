-- upgrade
CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY);

CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id));

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, b_id INTEGER NOT NULL REFERENCES b (id), a_id INTEGER REFERENCES a (id));

CREATE INDEX ix_c_b ON c (b_id);

-- REVIEW: drops table legacy_child and all its data
DROP TABLE legacy_child;

-- REVIEW: drops table legacy and all its data
DROP TABLE legacy;

-- downgrade
CREATE TABLE legacy (id INTEGER NOT NULL PRIMARY KEY, v VARCHAR(10));

CREATE TABLE legacy_child (id INTEGER NOT NULL PRIMARY KEY, legacy_id INTEGER REFERENCES legacy (id));

-- REVIEW: drops table c and all its data
DROP TABLE c;

-- REVIEW: drops table b and all its data
DROP TABLE b;

-- REVIEW: drops table a and all its data
DROP TABLE a;
