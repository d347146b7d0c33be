-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table product (SQLite cannot ALTER this: drop index "ix_product_category"; drop foreign key "" (category_id); add column "tags"; drop column "category_id"; table definition); its rows are copied
ALTER TABLE product RENAME TO _retort_old_product;

CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), tags VARCHAR(100));

INSERT INTO product (id, name) SELECT id, name FROM _retort_old_product;

DROP TABLE _retort_old_product;

-- REVIEW: drops table category and all its data
DROP TABLE category;

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

CREATE TABLE category (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

-- REVIEW: rebuilds table product (SQLite cannot ALTER this: table definition; add column "category_id"; drop column "tags"; add foreign key "" (category_id) → category(id); add index "ix_product_category"); its rows are copied
ALTER TABLE product RENAME TO _retort_old_product;

CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, category_id INTEGER REFERENCES category (id), name VARCHAR(20));

INSERT INTO product (id, name) SELECT id, name FROM _retort_old_product;

DROP TABLE _retort_old_product;

CREATE INDEX ix_product_category ON product (category_id);

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
