-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table people (SQLite cannot ALTER this: drop column "nickname"; drop column "age"; table definition); its rows are copied
ALTER TABLE people RENAME TO _retort_old_people;

CREATE TABLE people (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL
);

INSERT INTO people (id, email) SELECT id, email FROM _retort_old_people;

DROP TABLE _retort_old_people;

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

-- REVIEW: rebuilds table people (SQLite cannot ALTER this: table definition; add column "age"; add column "nickname"); its rows are copied
ALTER TABLE people RENAME TO _retort_old_people;

CREATE TABLE people (
    id INTEGER NOT NULL PRIMARY KEY,
    nickname VARCHAR(30),
    email VARCHAR(100) NOT NULL,
    age INTEGER
);

INSERT INTO people (id, email) SELECT id, email FROM _retort_old_people;

DROP TABLE _retort_old_people;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
