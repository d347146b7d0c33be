-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

-- REVIEW: rebuilds table item (SQLite cannot ALTER this: modify column "name": type VARCHAR(20) → VARCHAR(80); modify column "price": type NUMERIC(8,2) → NUMERIC(10,3); drop column "legacy"; table definition); its rows are copied
ALTER TABLE item RENAME TO _retort_old_item;

CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80), price NUMERIC(10,3));

INSERT INTO item (id, name, price) SELECT id, name, price FROM _retort_old_item;

DROP TABLE _retort_old_item;

CREATE VIEW cheap AS SELECT id, price FROM item WHERE price < 10;

CREATE VIEW item_names AS SELECT id, name FROM item;

CREATE VIEW item_names_upper AS SELECT id, UPPER(name) AS uname FROM item_names;

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

DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

-- REVIEW: rebuilds table item (SQLite cannot ALTER this: table definition; add column "legacy"; modify column "price": type NUMERIC(10,3) → NUMERIC(8,2); modify column "name": type VARCHAR(80) → VARCHAR(20)); its rows are copied
ALTER TABLE item RENAME TO _retort_old_item;

CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), price NUMERIC(8,2), legacy INTEGER);

INSERT INTO item (id, name, price) SELECT id, name, price FROM _retort_old_item;

DROP TABLE _retort_old_item;

CREATE VIEW cheap AS SELECT id, price FROM item WHERE price < 10;

CREATE VIEW item_names AS SELECT id, name FROM item;

CREATE VIEW item_names_upper AS SELECT id, UPPER(name) AS uname FROM item_names;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
