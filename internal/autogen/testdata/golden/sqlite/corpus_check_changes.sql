-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: drop check constraint "orders_price"; drop check constraint "orders_qty"; rename check constraint "orders_status" to "orders_status_ok"; add check constraint "orders_qty"; add check constraint "orders_sane"; table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER, price INTEGER, status VARCHAR(10),
  CONSTRAINT orders_qty CHECK (qty > 0 AND qty < 1000),
  CONSTRAINT orders_status_ok CHECK (status IN ('new', 'paid')),
  CONSTRAINT orders_sane CHECK (price <= 100000));

-- REVIEW: adds check (qty > 0 AND qty < 1000) on orders: fails if existing rows violate the check
-- REVIEW: adds check (price <= 100000) on orders: fails if existing rows violate the check
INSERT INTO orders (id, qty, price, status) SELECT id, qty, price, status FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition; drop check constraint "orders_sane"; drop check constraint "orders_qty"; rename check constraint "orders_status_ok" to "orders_status"; add check constraint "orders_qty"; add check constraint "orders_price"); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, qty INTEGER, price INTEGER, status VARCHAR(10),
  CONSTRAINT orders_qty CHECK (qty > 0),
  CONSTRAINT orders_price CHECK (price >= 0),
  CONSTRAINT orders_status CHECK (status IN ('new', 'paid')));

-- REVIEW: adds check (qty > 0) on orders: fails if existing rows violate the check
-- REVIEW: adds check (price >= 0) on orders: fails if existing rows violate the check
INSERT INTO orders (id, qty, price, status) SELECT id, qty, price, status FROM _retort_old_orders;

DROP TABLE _retort_old_orders;
