-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: add column "country"; modify column "email": type VARCHAR(100) → VARCHAR(255); modify column "name": type VARCHAR(50) → VARCHAR(120), set NOT NULL, default (none) → ''; modify column "vip": set NOT NULL, default FALSE → TRUE; add unique constraint "uq_customers_email" (email); table definition); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_customers;

CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(120) NOT NULL DEFAULT '',
    vip BOOLEAN NOT NULL DEFAULT TRUE,
    country CHAR(2) NOT NULL DEFAULT 'US',
    CONSTRAINT uq_customers_email UNIQUE (email)
);

INSERT INTO customers (id, email, name, vip) SELECT id, email, name, vip FROM _retort_old_customers;

DROP TABLE _retort_old_customers;

-- REVIEW: rebuilds table order_items (SQLite cannot ALTER this: drop primary key (order_id, qty); drop foreign key "" (product_id); modify column "product_id": set NOT NULL; modify column "qty": default (none) → 1; add primary key (order_id, product_id); add foreign key "" (product_id) → products(id); table definition); its rows are copied
ALTER TABLE order_items RENAME TO _retort_old_order_items;

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    qty INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, product_id)
);

INSERT INTO order_items (order_id, product_id, qty) SELECT order_id, product_id, qty FROM _retort_old_order_items;

DROP TABLE _retort_old_order_items;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: drop index "ix_orders_customer"; drop foreign key "" (customer_id); modify column "customer_id": drop NOT NULL; modify column "total": type NUMERIC(10,2) → NUMERIC(12,2), default (none) → 0; drop column "note"; add index "ix_orders_customer"; add foreign key "" (customer_id) → customers(id); table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    total NUMERIC(12,2) DEFAULT 0
);

INSERT INTO orders (id, customer_id, total) SELECT id, customer_id, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX ix_orders_customer ON orders (customer_id, total DESC);

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: modify column "price": type NUMERIC(8,2) → NUMERIC(12,4); modify column "stock": set NOT NULL; add index "uq_products_sku"; add check constraint ""; add check constraint "ck_products_price"; table definition); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    price NUMERIC(12,4) NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT ck_products_price CHECK (price >= 0),
    CHECK (stock >= 0)
);

INSERT INTO products (id, sku, price, stock) SELECT id, sku, price, stock FROM _retort_old_products;

DROP TABLE _retort_old_products;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_products_sku ON products (sku);

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

-- REVIEW: rebuilds table products (SQLite cannot ALTER this: table definition; drop check constraint "ck_products_price"; drop check constraint ""; drop index "uq_products_sku"; modify column "stock": drop NOT NULL; modify column "price": type NUMERIC(12,4) → NUMERIC(8,2)); its rows are copied
ALTER TABLE products RENAME TO _retort_old_products;

CREATE TABLE products (
    id INTEGER NOT NULL PRIMARY KEY,
    sku VARCHAR(20) NOT NULL,
    price NUMERIC(8,2) NOT NULL,
    stock INTEGER DEFAULT 0
);

INSERT INTO products (id, sku, price, stock) SELECT id, sku, price, stock FROM _retort_old_products;

DROP TABLE _retort_old_products;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition; drop foreign key "" (customer_id); drop index "ix_orders_customer"; add column "note"; modify column "total": type NUMERIC(12,2) → NUMERIC(10,2), default 0 → (none); modify column "customer_id": set NOT NULL; add foreign key "" (customer_id) → customers(id); add index "ix_orders_customer"); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    note VARCHAR(200),
    total NUMERIC(10,2)
);

INSERT INTO orders (id, customer_id, total) SELECT id, customer_id, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX ix_orders_customer ON orders (customer_id);

-- REVIEW: rebuilds table order_items (SQLite cannot ALTER this: table definition; drop foreign key "" (product_id); drop primary key (order_id, product_id); modify column "qty": default 1 → (none); modify column "product_id": drop NOT NULL; add foreign key "" (product_id) → products(id); add primary key (order_id, qty)); its rows are copied
ALTER TABLE order_items RENAME TO _retort_old_order_items;

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER REFERENCES products (id),
    qty INTEGER NOT NULL,
    PRIMARY KEY (order_id, qty)
);

INSERT INTO order_items (order_id, product_id, qty) SELECT order_id, product_id, qty FROM _retort_old_order_items;

DROP TABLE _retort_old_order_items;

-- REVIEW: rebuilds table customers (SQLite cannot ALTER this: table definition; drop unique constraint "uq_customers_email"; modify column "vip": drop NOT NULL, default TRUE → FALSE; modify column "name": type VARCHAR(120) → VARCHAR(50), drop NOT NULL, default '' → (none); modify column "email": type VARCHAR(255) → VARCHAR(100); drop column "country"); its rows are copied
ALTER TABLE customers RENAME TO _retort_old_customers;

CREATE TABLE customers (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    name VARCHAR(50),
    vip BOOLEAN DEFAULT FALSE
);

INSERT INTO customers (id, email, name, vip) SELECT id, email, name, vip FROM _retort_old_customers;

DROP TABLE _retort_old_customers;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
