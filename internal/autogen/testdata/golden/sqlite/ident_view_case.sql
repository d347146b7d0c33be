-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW big_items;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table Items (SQLite cannot ALTER this: add column "note"; table definition); its rows are copied
ALTER TABLE items RENAME TO "_retort_old_Items";

PRAGMA legacy_alter_table = OFF;

CREATE TABLE Items (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER, note VARCHAR(10));

INSERT INTO "Items" (id, qty) SELECT id, qty FROM "_retort_old_Items";

DROP TABLE "_retort_old_Items";

CREATE VIEW Big_Items AS SELECT id, qty FROM Items WHERE qty > 10;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW "Big_Items";

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table items (SQLite cannot ALTER this: table definition; drop column "note"); its rows are copied
ALTER TABLE "Items" RENAME TO _retort_old_items;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER);

-- REVIEW: drops column items.note and its data
INSERT INTO items (id, qty) SELECT id, qty FROM _retort_old_items;

DROP TABLE _retort_old_items;

CREATE VIEW big_items AS SELECT id, qty FROM items WHERE qty > 10;
