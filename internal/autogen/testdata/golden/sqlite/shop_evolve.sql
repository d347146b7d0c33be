-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: add column "country"; modify column "email": type VARCHAR(100) → VARCHAR(255); modify column "name": type VARCHAR(50) → VARCHAR(120), set NOT NULL, default (none) → ''; modify column "vip": set NOT NULL, default FALSE → TRUE; add unique constraint "uq_customers_email" (email); table definition); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_customers;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(120) NOT NULL DEFAULT '',
    vip BOOLEAN NOT NULL DEFAULT TRUE,
    country CHAR(2) NOT NULL DEFAULT 'US',
    CONSTRAINT uq_customers_email UNIQUE (email)
);

-- REVIEW: fails if customers.name holds NULLs
-- REVIEW: fails if customers.vip holds NULLs
-- REVIEW: adds unique (email) on customers: fails if existing rows hold duplicates
INSERT INTO customers (id, email, name, vip) SELECT id, email, name, vip FROM _retort_old_customers;

DROP TABLE _retort_old_customers;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order_items (SQLite cannot ALTER this: drop primary key (order_id, qty); drop foreign key "" (product_id); modify column "product_id": set NOT NULL; modify column "qty": default (none) → 1; add primary key (order_id, product_id); add foreign key "" (product_id) → products(id); table definition); its rows are copied
ALTER TABLE order_items RENAME TO _retort_old_order_items;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    qty INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, product_id)
);

-- REVIEW: fails if order_items.product_id holds NULLs
-- REVIEW: adds primary key (order_id, product_id) on order_items: fails if existing rows hold duplicates
-- REVIEW: adds foreign key order_items (product_id) -> products: fails if an existing row references no row of products (PRAGMA foreign_key_check)
INSERT INTO order_items (order_id, product_id, qty) SELECT order_id, product_id, qty FROM _retort_old_order_items;

DROP TABLE _retort_old_order_items;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: drop index "ix_orders_customer"; drop foreign key "" (customer_id); modify column "customer_id": drop NOT NULL; modify column "total": type NUMERIC(10,2) → NUMERIC(12,2), default (none) → 0; drop column "note"; add index "ix_orders_customer"; add foreign key "" (customer_id) → customers(id); table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    total NUMERIC(12,2) DEFAULT 0
);

-- REVIEW: drops column orders.note and its data
-- REVIEW: adds foreign key orders (customer_id) -> customers: fails if an existing row references no row of customers (PRAGMA foreign_key_check)
INSERT INTO orders (id, customer_id, total) SELECT id, customer_id, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX ix_orders_customer ON orders (customer_id, total DESC);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: modify column "price": type NUMERIC(8,2) → NUMERIC(12,4); modify column "stock": set NOT NULL; add index "uq_products_sku"; add check constraint ""; add check constraint "ck_products_price"; table definition); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    price NUMERIC(12,4) NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT ck_products_price CHECK (price >= 0),
    CHECK (stock >= 0)
);

-- REVIEW: fails if products.stock holds NULLs
-- REVIEW: adds check (stock >= 0) on products: fails if existing rows violate the check
-- REVIEW: adds check (price >= 0) on products: fails if existing rows violate the check
INSERT INTO products (id, sku, price, stock) SELECT id, sku, price, stock FROM _retort_old_products;

DROP TABLE _retort_old_products;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_products_sku ON products (sku);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: table definition; drop check constraint "ck_products_price"; drop check constraint ""; drop index "uq_products_sku"; modify column "stock": drop NOT NULL; modify column "price": type NUMERIC(12,4) → NUMERIC(8,2)); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    price NUMERIC(8,2) NOT NULL,
    stock INTEGER DEFAULT 0
);

INSERT INTO products (id, sku, price, stock) SELECT id, sku, price, stock FROM _retort_old_products;

DROP TABLE _retort_old_products;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition; drop foreign key "" (customer_id); drop index "ix_orders_customer"; add column "note"; modify column "total": type NUMERIC(12,2) → NUMERIC(10,2), default 0 → (none); modify column "customer_id": set NOT NULL; add foreign key "" (customer_id) → customers(id); add index "ix_orders_customer"); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    note VARCHAR(200),
    total NUMERIC(10,2)
);

-- REVIEW: fails if orders.customer_id holds NULLs
-- REVIEW: adds foreign key orders (customer_id) -> customers: fails if an existing row references no row of customers (PRAGMA foreign_key_check)
INSERT INTO orders (id, customer_id, total) SELECT id, customer_id, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX ix_orders_customer ON orders (customer_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order_items (SQLite cannot ALTER this: table definition; drop foreign key "" (product_id); drop primary key (order_id, product_id); modify column "qty": default 1 → (none); modify column "product_id": drop NOT NULL; add foreign key "" (product_id) → products(id); add primary key (order_id, qty)); its rows are copied
ALTER TABLE order_items RENAME TO _retort_old_order_items;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id),
    qty INTEGER NOT NULL,
    PRIMARY KEY (order_id, qty)
);

-- REVIEW: adds foreign key order_items (product_id) -> products: fails if an existing row references no row of products (PRAGMA foreign_key_check)
-- REVIEW: adds primary key (order_id, qty) on order_items: fails if existing rows hold duplicates
INSERT INTO order_items (order_id, product_id, qty) SELECT order_id, product_id, qty FROM _retort_old_order_items;

DROP TABLE _retort_old_order_items;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: table definition; drop unique constraint "uq_customers_email"; modify column "vip": drop NOT NULL, default TRUE → FALSE; modify column "name": type VARCHAR(120) → VARCHAR(50), drop NOT NULL, default '' → (none); modify column "email": type VARCHAR(255) → VARCHAR(100); drop column "country"); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_customers;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    name VARCHAR(50),
    vip BOOLEAN DEFAULT FALSE
);

-- REVIEW: drops column customers.country and its data
INSERT INTO customers (id, email, name, vip) SELECT id, email, name, vip FROM _retort_old_customers;

DROP TABLE _retort_old_customers;
