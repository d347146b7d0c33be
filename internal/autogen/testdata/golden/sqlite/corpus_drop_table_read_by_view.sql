-- upgrade
DROP VIEW legacy_v;

DROP VIEW kept_v;

CREATE TABLE fresh (id INTEGER NOT NULL PRIMARY KEY, kept_id INTEGER REFERENCES kept (id));

-- REVIEW: drops table legacy and all its data
DROP TABLE legacy;

CREATE VIEW fresh_v AS SELECT id FROM fresh;

CREATE VIEW kept_v AS SELECT k.id, f.id AS fresh_id FROM kept k LEFT JOIN fresh f ON f.kept_id = k.id;

-- downgrade
DROP VIEW kept_v;

DROP VIEW fresh_v;

CREATE TABLE legacy (id INTEGER NOT NULL PRIMARY KEY, v INTEGER);

-- REVIEW: drops table fresh and all its data
DROP TABLE fresh;

CREATE VIEW kept_v AS SELECT id FROM kept;

CREATE VIEW legacy_v AS SELECT id, v FROM legacy;
