-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE "User" ("ID" INTEGER NOT NULL PRIMARY KEY, "order_id" INTEGER REFERENCES "order" ("id"));

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: add column "Group Name"; modify column "select": type VARCHAR(10) → VARCHAR(20); add index "Ix Order"; table definition); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

CREATE TABLE "order" ("id" INTEGER NOT NULL PRIMARY KEY, "select" VARCHAR(20), "Group Name" VARCHAR(5));

INSERT INTO "order" (id, "select") SELECT id, "select" FROM _retort_old_order;

DROP TABLE _retort_old_order;

CREATE INDEX "Ix Order" ON "order" ("select");

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

-- REVIEW: rebuilds table order (SQLite cannot ALTER this: table definition; drop index "Ix Order"; modify column "select": type VARCHAR(20) → VARCHAR(10); drop column "Group Name"); its rows are copied
ALTER TABLE "order" RENAME TO _retort_old_order;

CREATE TABLE "order" ("id" INTEGER NOT NULL PRIMARY KEY, "select" VARCHAR(10));

INSERT INTO "order" (id, "select") SELECT id, "select" FROM _retort_old_order;

DROP TABLE _retort_old_order;

-- REVIEW: drops table User and all its data
DROP TABLE "User";

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
