-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

DROP VIEW v_old;

DROP VIEW v_keep;

DROP VIEW v_change;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": type VARCHAR(20) → VARCHAR(40); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(40), b INTEGER);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE VIEW v_change AS SELECT id, b, a FROM t WHERE b > 0;

CREATE VIEW v_keep AS SELECT id, a FROM t;

CREATE VIEW v_new AS SELECT id FROM v_keep;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

DROP VIEW v_new;

DROP VIEW v_keep;

DROP VIEW v_change;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "a": type VARCHAR(40) → VARCHAR(20)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE VIEW v_change AS SELECT id, b FROM t;

CREATE VIEW v_keep AS SELECT id, a FROM t;

CREATE VIEW v_old AS SELECT id FROM t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
