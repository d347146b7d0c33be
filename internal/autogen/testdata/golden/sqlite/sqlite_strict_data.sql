-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_child ON child (parent_id, v DESC);

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v BLOB) WITHOUT ROWID;

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: modify column "name": set NOT NULL, default (none) → ''; drop column "old"; add check constraint ""; table definition); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '' CHECK (length(name) < 100));

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

-- REVIEW: rebuilds table st (SQLite cannot ALTER this: add column "r"; modify column "n": set NOT NULL, default (none) → 0; table definition); its rows are copied
ALTER TABLE st RENAME TO _retort_old_st;

CREATE TABLE st (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, s TEXT, r REAL) STRICT;

INSERT INTO st (id, n, s) SELECT id, n, s FROM _retort_old_st;

DROP TABLE _retort_old_st;

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

-- REVIEW: rebuilds table st (SQLite cannot ALTER this: table definition; modify column "n": drop NOT NULL, default 0 → (none); drop column "r"); its rows are copied
ALTER TABLE st RENAME TO _retort_old_st;

CREATE TABLE st (id INTEGER PRIMARY KEY, n INTEGER, s TEXT) STRICT;

INSERT INTO st (id, n, s) SELECT id, n, s FROM _retort_old_st;

DROP TABLE _retort_old_st;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: table definition; drop check constraint ""; add column "old"; modify column "name": drop NOT NULL, default '' → (none)); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, old TEXT);

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v BLOB);

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

DROP INDEX uq_child;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
