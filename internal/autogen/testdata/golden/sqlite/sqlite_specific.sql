-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

ALTER TABLE kv ADD COLUMN w INTEGER DEFAULT 0;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop index "ix_t_name"; drop check constraint ""; modify column "id": auto-increment; modify column "name": set NOT NULL, default (none) → '', collation (none) → NOCASE; add column "doubled"; add index "ix_t_name"; add check constraint ""; table definition; replace triggers); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT COLLATE NOCASE NOT NULL DEFAULT '',
    qty INTEGER CHECK (qty > 0),
    updated TEXT,
    doubled INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL
);

INSERT INTO t (id, name, qty, updated) SELECT id, name, qty, updated FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_name ON t (lower(name)) WHERE qty > 1;

-- +retort StatementBegin
CREATE TRIGGER trg_t AFTER UPDATE OF name ON t BEGIN UPDATE t SET updated = 'changed' WHERE id = new.id; END;
-- +retort StatementEnd

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: replace triggers; table definition; drop check constraint ""; drop index "ix_t_name"; drop column "doubled"; modify column "name": drop NOT NULL, default '' → (none), collation NOCASE → (none); modify column "id": auto-increment; add check constraint ""; add index "ix_t_name"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    id INTEGER PRIMARY KEY,
    name TEXT,
    qty INTEGER CHECK (qty >= 0),
    updated TEXT
);

INSERT INTO t (id, name, qty, updated) SELECT id, name, qty, updated FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_name ON t (name);

-- +retort StatementBegin
CREATE TRIGGER trg_t AFTER UPDATE ON t BEGIN UPDATE t SET updated = 'now' WHERE id = new.id; END;
-- +retort StatementEnd

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table definition; drop column "w"); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
