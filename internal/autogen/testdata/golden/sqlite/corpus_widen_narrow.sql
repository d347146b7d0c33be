-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: modify column "name": type VARCHAR(50) → VARCHAR(200); modify column "code": type VARCHAR(100) → VARCHAR(20); modify column "qty": type SMALLINT → INTEGER; modify column "views": type INTEGER → BIGINT; modify column "price": type DECIMAL(10,2) → DECIMAL(12,2); modify column "weight": type DECIMAL(8,3) → DECIMAL(10,4); table definition); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE products (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, code VARCHAR(20), qty INTEGER, views BIGINT, price DECIMAL(12,2), weight DECIMAL(10,4));

INSERT INTO products (id, name, code, qty, views, price, weight) SELECT id, name, code, qty, views, price, weight FROM _retort_old_products;

DROP TABLE _retort_old_products;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: table definition; modify column "weight": type DECIMAL(10,4) → DECIMAL(8,3); modify column "price": type DECIMAL(12,2) → DECIMAL(10,2); modify column "views": type BIGINT → INTEGER; modify column "qty": type INTEGER → SMALLINT; modify column "code": type VARCHAR(20) → VARCHAR(100); modify column "name": type VARCHAR(200) → VARCHAR(50)); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE products (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, code VARCHAR(100), qty SMALLINT, views INTEGER, price DECIMAL(10,2), weight DECIMAL(8,3));

INSERT INTO products (id, name, code, qty, views, price, weight) SELECT id, name, code, qty, views, price, weight FROM _retort_old_products;

DROP TABLE _retort_old_products;
