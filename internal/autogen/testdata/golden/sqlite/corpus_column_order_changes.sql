-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: add column "x"; modify column "d": type VARCHAR(10) → VARCHAR(20); modify column "a": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE profile (id INTEGER NOT NULL PRIMARY KEY, d VARCHAR(20), a BIGINT, x INTEGER, c INTEGER, b VARCHAR(10));

INSERT INTO profile (id, d, a, c, b) SELECT id, d, a, c, b FROM _retort_old_profile;

DROP TABLE _retort_old_profile;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: table definition; modify column "a": type BIGINT → INTEGER; modify column "d": type VARCHAR(20) → VARCHAR(10); drop column "x"); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE profile (id INTEGER NOT NULL PRIMARY KEY, a INTEGER, b VARCHAR(10), c INTEGER, d VARCHAR(10));

-- REVIEW: drops column profile.x and its data
INSERT INTO profile (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_profile;

DROP TABLE _retort_old_profile;
