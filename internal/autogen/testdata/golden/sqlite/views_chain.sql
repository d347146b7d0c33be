-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table item (SQLite cannot ALTER this: modify column "name": type VARCHAR(20) → VARCHAR(80); modify column "price": type NUMERIC(8,2) → NUMERIC(10,3); drop column "legacy"; table definition); its rows are copied
ALTER TABLE item RENAME TO _retort_old_item;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80), price NUMERIC(10,3));

-- REVIEW: drops column item.legacy and its data
INSERT INTO item (id, name, price) SELECT id, name, price FROM _retort_old_item;

DROP TABLE _retort_old_item;

CREATE VIEW cheap AS SELECT id, price FROM item WHERE price < 10;

CREATE VIEW item_names AS SELECT id, name FROM item;

CREATE VIEW item_names_upper AS SELECT id, UPPER(name) AS uname FROM item_names;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table item (SQLite cannot ALTER this: table definition; add column "legacy"; modify column "price": type NUMERIC(10,3) → NUMERIC(8,2); modify column "name": type VARCHAR(80) → VARCHAR(20)); its rows are copied
ALTER TABLE item RENAME TO _retort_old_item;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), price NUMERIC(8,2), legacy INTEGER);

INSERT INTO item (id, name, price) SELECT id, name, price FROM _retort_old_item;

DROP TABLE _retort_old_item;

CREATE VIEW cheap AS SELECT id, price FROM item WHERE price < 10;

CREATE VIEW item_names AS SELECT id, name FROM item;

CREATE VIEW item_names_upper AS SELECT id, UPPER(name) AS uname FROM item_names;
