-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop check constraint "ck_a"; drop check constraint "ck_b"; rename check constraint "ck_old" to "ck_new"; add check constraint "ck_a"; add check constraint "ck_ab"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    CONSTRAINT ck_a CHECK (a >= 0),
    CONSTRAINT ck_new CHECK (a <> 7),
    CONSTRAINT ck_ab CHECK (a < b)
);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop check constraint "ck_ab"; drop check constraint "ck_a"; rename check constraint "ck_new" to "ck_old"; add check constraint "ck_b"; add check constraint "ck_a"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    CONSTRAINT ck_a CHECK (a > 0),
    CONSTRAINT ck_b CHECK (b < 100),
    CONSTRAINT ck_old CHECK (a <> 7)
);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
