-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

ALTER TABLE customers RENAME COLUMN cname TO full_name;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table clients (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_clients;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE clients (id INTEGER NOT NULL PRIMARY KEY, full_name VARCHAR(30));

INSERT INTO clients (id, full_name) SELECT id, full_name FROM _retort_old_clients;

DROP TABLE _retort_old_clients;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table notes (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER, CONSTRAINT notes_customer FOREIGN KEY (customer_id) REFERENCES clients (id) ON DELETE CASCADE);

INSERT INTO notes (id, customer_id) SELECT id, customer_id FROM _retort_old_notes;

DROP TABLE _retort_old_notes;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER, CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES clients (id));

INSERT INTO orders (id, customer_id) SELECT id, customer_id FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER, CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));

INSERT INTO orders (id, customer_id) SELECT id, customer_id FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table notes (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER, CONSTRAINT notes_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE);

INSERT INTO notes (id, customer_id) SELECT id, customer_id FROM _retort_old_notes;

DROP TABLE _retort_old_notes;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE clients RENAME TO _retort_old_customers;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, full_name VARCHAR(30));

INSERT INTO customers (id, full_name) SELECT id, full_name FROM _retort_old_customers;

DROP TABLE _retort_old_customers;

ALTER TABLE customers RENAME COLUMN full_name TO cname;
