-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t1 (SQLite cannot ALTER this: add primary key (a); table definition); its rows are copied
ALTER TABLE t1 RENAME TO _retort_old_t1;

CREATE TABLE t1 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

INSERT INTO t1 (a, b) SELECT a, b FROM _retort_old_t1;

DROP TABLE _retort_old_t1;

-- REVIEW: rebuilds table t2 (SQLite cannot ALTER this: drop primary key (a); add primary key (a, b); table definition); its rows are copied
ALTER TABLE t2 RENAME TO _retort_old_t2;

CREATE TABLE t2 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b));

INSERT INTO t2 (a, b) SELECT a, b FROM _retort_old_t2;

DROP TABLE _retort_old_t2;

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

-- REVIEW: rebuilds table t2 (SQLite cannot ALTER this: table definition; drop primary key (a, b); add primary key (a)); its rows are copied
ALTER TABLE t2 RENAME TO _retort_old_t2;

CREATE TABLE t2 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

INSERT INTO t2 (a, b) SELECT a, b FROM _retort_old_t2;

DROP TABLE _retort_old_t2;

-- REVIEW: rebuilds table t1 (SQLite cannot ALTER this: table definition; drop primary key (a)); its rows are copied
ALTER TABLE t1 RENAME TO _retort_old_t1;

CREATE TABLE t1 (a INTEGER NOT NULL, b INTEGER NOT NULL);

INSERT INTO t1 (a, b) SELECT a, b FROM _retort_old_t1;

DROP TABLE _retort_old_t1;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
