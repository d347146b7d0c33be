-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: add column "total"; add column "code"; drop column "note"; add index "ix order group"; table definition); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "order" (
    id INTEGER PRIMARY KEY,
    "group" TEXT,
    placed DATETIME DEFAULT CURRENT_TIMESTAMP,
    paid BOOLEAN NOT NULL DEFAULT 0,
    total NUMERIC(10,2) NOT NULL DEFAULT 0,
    code TEXT DEFAULT (lower(hex(randomblob(4))))
);

-- REVIEW: drops column order.note and its data
INSERT INTO "order" (id, "group", placed, paid) SELECT id, "group", placed, paid FROM _retort_old_order;

DROP TABLE _retort_old_order;

CREATE INDEX "ix order group" ON "order" ("group", placed DESC);

-- downgrade
DROP INDEX "ix order group";

ALTER TABLE "order" ADD COLUMN note TEXT;

-- REVIEW: drops column order.code and its data
ALTER TABLE "order" DROP COLUMN code;

-- REVIEW: drops column order.total and its data
ALTER TABLE "order" DROP COLUMN total;
