-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table shops (SQLite cannot ALTER this: drop index "shops_region_name"; drop foreign key "shops_region" (region_id); drop column "region_id"; add index "shops_name"; table definition); its rows are copied
ALTER TABLE shops RENAME TO _retort_old_shops;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE shops (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(10));

-- REVIEW: drops column shops.region_id and its data
INSERT INTO shops (id, name) SELECT id, name FROM _retort_old_shops;

DROP TABLE _retort_old_shops;

CREATE INDEX shops_name ON shops (name);

-- REVIEW: drops table regions and all its data
DROP TABLE regions;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE regions (id INTEGER NOT NULL PRIMARY KEY);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table shops (SQLite cannot ALTER this: table definition; drop index "shops_name"; add column "region_id"; add foreign key "shops_region" (region_id) → regions(id); add index "shops_region_name"); its rows are copied
ALTER TABLE shops RENAME TO _retort_old_shops;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE shops (id INTEGER NOT NULL PRIMARY KEY, region_id INTEGER, name VARCHAR(10), CONSTRAINT shops_region FOREIGN KEY (region_id) REFERENCES regions (id));

INSERT INTO shops (id, name) SELECT id, name FROM _retort_old_shops;

DROP TABLE _retort_old_shops;

CREATE INDEX shops_region_name ON shops (region_id, name);
