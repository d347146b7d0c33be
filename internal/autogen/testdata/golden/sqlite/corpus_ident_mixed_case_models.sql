-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table ORDERS (SQLite cannot ALTER this: add index "ORDERS_CUSTOMER"; table definition); its rows are copied
ALTER TABLE orders RENAME TO "_retort_old_ORDERS";

PRAGMA legacy_alter_table = OFF;

CREATE TABLE ORDERS (ID INTEGER NOT NULL PRIMARY KEY, CUSTOMER VARCHAR(20), TOTAL INTEGER);

INSERT INTO "ORDERS" ("ID", "CUSTOMER", "TOTAL") SELECT "ID", "CUSTOMER", "TOTAL" FROM "_retort_old_ORDERS";

DROP TABLE "_retort_old_ORDERS";

CREATE INDEX ORDERS_CUSTOMER ON ORDERS (CUSTOMER);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition; drop index "ORDERS_CUSTOMER"); its rows are copied
ALTER TABLE "ORDERS" RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer VARCHAR(20), total INTEGER);

INSERT INTO orders (id, customer, total) SELECT id, customer, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;
