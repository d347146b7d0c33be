-- upgrade
DROP VIEW legacy_v;

DROP VIEW kept_v;

CREATE TABLE fresh (
    id integer NOT NULL,
    kept_id integer,
    PRIMARY KEY (id),
    CONSTRAINT fresh_kept_id_fkey FOREIGN KEY (kept_id) REFERENCES kept (id)
);

-- REVIEW: drops table legacy and all its data
DROP TABLE legacy;

CREATE VIEW fresh_v AS
SELECT fresh.id
   FROM fresh;

CREATE VIEW kept_v AS
SELECT k.id,
    f.id AS fresh_id
   FROM kept k
     LEFT JOIN fresh f ON f.kept_id = k.id;

-- downgrade
DROP VIEW kept_v;

DROP VIEW fresh_v;

CREATE TABLE legacy (
    id integer NOT NULL,
    v integer,
    PRIMARY KEY (id)
);

-- REVIEW: drops table fresh and all its data
DROP TABLE fresh;

CREATE VIEW kept_v AS
SELECT kept.id
   FROM kept;

CREATE VIEW legacy_v AS
SELECT legacy.id,
    legacy.v
   FROM legacy;
