-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER trg_t;

ALTER TABLE kv ADD COLUMN w INTEGER DEFAULT 0;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop index "ix_t_name"; drop check constraint ""; modify column "id": auto-increment; modify column "name": set NOT NULL, default (none) → '', collation (none) → NOCASE; add column "doubled"; add index "ix_t_name"; add check constraint ""; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT COLLATE NOCASE NOT NULL DEFAULT '',
    qty INTEGER CHECK (qty > 0),
    updated TEXT,
    doubled INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL
);

-- REVIEW: fails if t.name holds NULLs
-- REVIEW: adds check (qty > 0) on t: fails if existing rows violate the check
INSERT INTO t (id, name, qty, updated) SELECT id, name, qty, updated FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_name ON t (lower(name)) WHERE qty > 1;

-- +retort StatementBegin
CREATE TRIGGER trg_t AFTER UPDATE OF name ON t BEGIN UPDATE t SET updated = 'changed' WHERE id = new.id; END;
-- +retort StatementEnd

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER trg_t;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop check constraint ""; drop index "ix_t_name"; drop column "doubled"; modify column "name": drop NOT NULL, default '' → (none), collation NOCASE → (none); modify column "id": auto-increment; add check constraint ""; add index "ix_t_name"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER PRIMARY KEY,
    name TEXT,
    qty INTEGER CHECK (qty >= 0),
    updated TEXT
);

-- REVIEW: adds check (qty >= 0) on t: fails if existing rows violate the check
INSERT INTO t (id, name, qty, updated) SELECT id, name, qty, updated FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_name ON t (name);

-- REVIEW: drops column kv.w and its data
ALTER TABLE kv DROP COLUMN w;

-- +retort StatementBegin
CREATE TRIGGER trg_t AFTER UPDATE ON t BEGIN UPDATE t SET updated = 'now' WHERE id = new.id; END;
-- +retort StatementEnd
