-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": set NOT NULL; modify column "b": drop NOT NULL; modify column "c": default 1 → 2; modify column "d": default 'x' → (none); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50) NOT NULL,
    b INTEGER,
    c INTEGER DEFAULT 2,
    d VARCHAR(10)
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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "d": default (none) → 'x'; modify column "c": default 2 → 1; modify column "b": set NOT NULL; modify column "a": drop NOT NULL); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50),
    b INTEGER NOT NULL,
    c INTEGER DEFAULT 1,
    d VARCHAR(10) DEFAULT 'x'
);

INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
