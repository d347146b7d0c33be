-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table product (SQLite cannot ALTER this: drop index "ix_product_category"; drop foreign key "" (category_id); add column "tags"; drop column "category_id"; table definition); its rows are copied
ALTER TABLE product RENAME TO _retort_old_product;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), tags VARCHAR(100));

-- REVIEW: drops column product.category_id and its data
INSERT INTO product (id, name) SELECT id, name FROM _retort_old_product;

DROP TABLE _retort_old_product;

-- REVIEW: drops table category and all its data
DROP TABLE category;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE category (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table product (SQLite cannot ALTER this: table definition; add column "category_id"; drop column "tags"; add foreign key "" (category_id) → category(id); add index "ix_product_category"); its rows are copied
ALTER TABLE product RENAME TO _retort_old_product;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, category_id INTEGER REFERENCES category (id), name VARCHAR(20));

-- REVIEW: drops column product.tags and its data
INSERT INTO product (id, name) SELECT id, name FROM _retort_old_product;

DROP TABLE _retort_old_product;

CREATE INDEX ix_product_category ON product (category_id);
