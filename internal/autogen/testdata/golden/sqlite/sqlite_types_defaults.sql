-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: add column "total"; add column "code"; drop column "note"; add index "ix order group"; table definition); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

CREATE TABLE "order" (
    id INTEGER PRIMARY KEY,
    "group" TEXT,
    placed DATETIME DEFAULT CURRENT_TIMESTAMP,
    paid BOOLEAN NOT NULL DEFAULT 0,
    total NUMERIC(10,2) NOT NULL DEFAULT 0,
    code TEXT DEFAULT (lower(hex(randomblob(4))))
);

INSERT INTO "order" (id, "group", placed, paid) SELECT id, "group", placed, paid FROM _retort_old_order;

DROP TABLE _retort_old_order;

CREATE INDEX "ix order group" ON "order" ("group", placed DESC);

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

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: table definition; drop index "ix order group"; add column "note"; drop column "code"; drop column "total"); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

CREATE TABLE "order" (
    id INTEGER PRIMARY KEY,
    "group" TEXT,
    placed DATETIME DEFAULT CURRENT_TIMESTAMP,
    paid BOOLEAN NOT NULL DEFAULT 0,
    note TEXT
);

INSERT INTO "order" (id, "group", placed, paid) SELECT id, "group", placed, paid FROM _retort_old_order;

DROP TABLE _retort_old_order;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
