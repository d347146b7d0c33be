-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE "User" ("ID" INTEGER NOT NULL PRIMARY KEY, "order_id" INTEGER REFERENCES "order" ("id"));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: add column "Group Name"; modify column "select": type VARCHAR(10) → VARCHAR(20); add index "Ix Order"; table definition); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "order" ("id" INTEGER NOT NULL PRIMARY KEY, "select" VARCHAR(20), "Group Name" VARCHAR(5));

INSERT INTO "order" (id, "select") SELECT id, "select" FROM _retort_old_order;

DROP TABLE _retort_old_order;

CREATE INDEX "Ix Order" ON "order" ("select");

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: table definition; drop index "Ix Order"; modify column "select": type VARCHAR(20) → VARCHAR(10); drop column "Group Name"); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "order" ("id" INTEGER NOT NULL PRIMARY KEY, "select" VARCHAR(10));

-- REVIEW: drops column order.Group Name and its data
INSERT INTO "order" (id, "select") SELECT id, "select" FROM _retort_old_order;

DROP TABLE _retort_old_order;

-- REVIEW: drops table User and all its data
DROP TABLE "User";
