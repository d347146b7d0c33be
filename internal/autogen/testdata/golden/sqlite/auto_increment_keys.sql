-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table k (SQLite cannot ALTER this: drop primary key (a); add primary key (b, a); table definition); its rows are copied
ALTER TABLE k RENAME TO _retort_old_k;

CREATE TABLE k (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (b, a));

INSERT INTO k (a, b) SELECT a, b FROM _retort_old_k;

DROP TABLE _retort_old_k;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "id": drop NOT NULL, auto-increment; add primary key (id); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);

INSERT INTO t (id, v) SELECT id, v FROM _retort_old_t;

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop primary key (id); modify column "id": set NOT NULL, auto-increment); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (id INTEGER NOT NULL, v TEXT);

INSERT INTO t (id, v) SELECT id, v FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- REVIEW: rebuilds table k (SQLite cannot ALTER this: table definition; drop primary key (b, a); add primary key (a)); its rows are copied
ALTER TABLE k RENAME TO _retort_old_k;

CREATE TABLE k (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

INSERT INTO k (a, b) SELECT a, b FROM _retort_old_k;

DROP TABLE _retort_old_k;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
