-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: add column "code"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, code TEXT DEFAULT (lower(hex(randomblob(4)))));

INSERT INTO t (id, a) SELECT id, a FROM _retort_old_t;

DROP TABLE _retort_old_t;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table u (SQLite cannot ALTER this: add column "at"; table definition); its rows are copied
ALTER TABLE u RENAME TO _retort_old_u;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE u (id INTEGER PRIMARY KEY, at TEXT DEFAULT CURRENT_TIMESTAMP);

INSERT INTO u (id) SELECT id FROM _retort_old_u;

DROP TABLE _retort_old_u;

-- downgrade
-- REVIEW: drops column u.at and its data
ALTER TABLE u DROP COLUMN at;

-- REVIEW: drops column t.code and its data
ALTER TABLE t DROP COLUMN code;
