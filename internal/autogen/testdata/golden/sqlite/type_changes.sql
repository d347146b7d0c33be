-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": type VARCHAR(50) → VARCHAR(200); modify column "b": type INTEGER → BIGINT; modify column "c": type NUMERIC(8,2) → NUMERIC(12,4); modify column "d": type VARCHAR(10) → INTEGER; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(200),
    b BIGINT,
    c NUMERIC(12,4),
    d INTEGER
);

INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "d": type INTEGER → VARCHAR(10); modify column "c": type NUMERIC(12,4) → NUMERIC(8,2); modify column "b": type BIGINT → INTEGER; modify column "a": type VARCHAR(200) → VARCHAR(50)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50),
    b INTEGER,
    c NUMERIC(8,2),
    d VARCHAR(10)
);

INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
