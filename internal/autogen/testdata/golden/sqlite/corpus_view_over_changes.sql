-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW regions;

DROP VIEW big_sales_count;

DROP VIEW big_sales;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table sales (SQLite cannot ALTER this: add column "channel"; modify column "amount": type INTEGER → BIGINT; modify column "region": type VARCHAR(10) → VARCHAR(20); table definition); its rows are copied
ALTER TABLE sales RENAME TO _retort_old_sales;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE sales (id INTEGER NOT NULL PRIMARY KEY, amount BIGINT, region VARCHAR(20), channel VARCHAR(10));

INSERT INTO sales (id, amount, region) SELECT id, amount, region FROM _retort_old_sales;

DROP TABLE _retort_old_sales;

CREATE VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 100;

CREATE VIEW big_sales_count AS SELECT count(*) AS n FROM big_sales;

CREATE VIEW regions AS SELECT DISTINCT region, channel FROM sales;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW regions;

DROP VIEW big_sales_count;

DROP VIEW big_sales;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table sales (SQLite cannot ALTER this: table definition; modify column "region": type VARCHAR(20) → VARCHAR(10); modify column "amount": type BIGINT → INTEGER; drop column "channel"); its rows are copied
ALTER TABLE sales RENAME TO _retort_old_sales;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE sales (id INTEGER NOT NULL PRIMARY KEY, amount INTEGER, region VARCHAR(10));

-- REVIEW: drops column sales.channel and its data
INSERT INTO sales (id, amount, region) SELECT id, amount, region FROM _retort_old_sales;

DROP TABLE _retort_old_sales;

CREATE VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 100;

CREATE VIEW big_sales_count AS SELECT count(*) AS n FROM big_sales;

CREATE VIEW regions AS SELECT DISTINCT region FROM sales;
