-- upgrade
ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 3;

ALTER TABLE t ADD COLUMN c TEXT;

CREATE INDEX ix_t_b ON t (b);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop index "ix_t_b"; drop column "c"; drop column "b"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);

-- REVIEW: drops column t.c and its data
-- REVIEW: drops column t.b and its data
INSERT INTO t (id, a) SELECT id, a FROM _retort_old_t;

DROP TABLE _retort_old_t;
