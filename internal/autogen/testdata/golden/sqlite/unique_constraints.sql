-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop unique constraint "uq_a"; rename unique constraint "uq_b_old" to "uq_b_new"; add unique constraint "uq_ac" (a, c); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    c INTEGER,
    CONSTRAINT uq_b_new UNIQUE (b),
    CONSTRAINT uq_ac UNIQUE (a, c)
);

INSERT INTO t (id, a, b, c) SELECT id, a, b, c FROM _retort_old_t;

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop unique constraint "uq_ac"; rename unique constraint "uq_b_new" to "uq_b_old"; add unique constraint "uq_a" (a)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    c INTEGER,
    CONSTRAINT uq_a UNIQUE (a),
    CONSTRAINT uq_b_old UNIQUE (b)
);

INSERT INTO t (id, a, b, c) SELECT id, a, b, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
