-- upgrade
ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 3;

ALTER TABLE t ADD COLUMN c TEXT;

CREATE INDEX ix_t_b ON t (b);

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop index "ix_t_b"; drop column "c"; drop column "b"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);

INSERT INTO t (id, a) SELECT id, a FROM _retort_old_t;

DROP TABLE _retort_old_t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
