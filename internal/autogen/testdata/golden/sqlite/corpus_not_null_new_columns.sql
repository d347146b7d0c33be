-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: add column "tier"; add column "credits"; add column "joined"; add column "ref"; table definition); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_customers;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), tier VARCHAR(10) NOT NULL DEFAULT 'free', credits INTEGER NOT NULL DEFAULT 100, joined TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, ref VARCHAR(10));

INSERT INTO customers (id, name) SELECT id, name FROM _retort_old_customers;

DROP TABLE _retort_old_customers;

-- downgrade
-- REVIEW: drops column customers.ref and its data
ALTER TABLE customers DROP COLUMN ref;

-- REVIEW: drops column customers.joined and its data
ALTER TABLE customers DROP COLUMN joined;

-- REVIEW: drops column customers.credits and its data
ALTER TABLE customers DROP COLUMN credits;

-- REVIEW: drops column customers.tier and its data
ALTER TABLE customers DROP COLUMN tier;
