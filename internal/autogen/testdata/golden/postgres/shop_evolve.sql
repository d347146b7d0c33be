-- upgrade
ALTER TABLE order_items DROP CONSTRAINT order_items_product_id_fkey;

ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;

ALTER TABLE customers ADD COLUMN country character(2) DEFAULT 'US'::bpchar NOT NULL;

ALTER TABLE customers ALTER COLUMN email TYPE character varying(255);

ALTER TABLE customers ALTER COLUMN name TYPE character varying(120);

-- REVIEW: fails if customers.name holds NULLs
ALTER TABLE customers ALTER COLUMN name SET NOT NULL;

ALTER TABLE customers ALTER COLUMN name SET DEFAULT ''::character varying;

ALTER TABLE customers ALTER COLUMN vip DROP DEFAULT;

-- REVIEW: fails if customers.vip holds NULLs
ALTER TABLE customers ALTER COLUMN vip SET NOT NULL;

ALTER TABLE customers ALTER COLUMN vip SET DEFAULT true;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE customers ADD CONSTRAINT uq_customers_email UNIQUE (email);

ALTER TABLE order_items DROP CONSTRAINT order_items_pkey;

-- REVIEW: fails if order_items.product_id holds NULLs
ALTER TABLE order_items ALTER COLUMN product_id SET NOT NULL;

ALTER TABLE order_items ALTER COLUMN qty SET DEFAULT 1;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, product_id);

DROP INDEX ix_orders_customer;

ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;

ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);

ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;

-- REVIEW: drops column orders.note and its data
ALTER TABLE orders DROP COLUMN note;

CREATE INDEX ix_orders_customer ON orders (customer_id, total DESC);

ALTER TABLE products ALTER COLUMN price TYPE numeric(12,4);

-- REVIEW: fails if products.stock holds NULLs
ALTER TABLE products ALTER COLUMN stock SET NOT NULL;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_products_sku ON products (sku);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE products ADD CONSTRAINT ck_products_price CHECK (price >= 0::numeric);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE products ADD CONSTRAINT products_stock_check CHECK (stock >= 0);

ALTER TABLE order_items ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE;

ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL;

-- downgrade
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;

ALTER TABLE order_items DROP CONSTRAINT order_items_product_id_fkey;

ALTER TABLE products DROP CONSTRAINT products_stock_check;

ALTER TABLE products DROP CONSTRAINT ck_products_price;

DROP INDEX uq_products_sku;

ALTER TABLE products ALTER COLUMN stock DROP NOT NULL;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE price IS NOT NULL AND CAST(CAST(price AS numeric(8,2)) AS numeric(12,4)) IS DISTINCT FROM price) THEN RAISE EXCEPTION 'retort: products.price holds values that numeric(8,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.price from numeric(12,4) to numeric(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN price TYPE numeric(8,2);

DROP INDEX ix_orders_customer;

ALTER TABLE orders ADD COLUMN note character varying(200);

ALTER TABLE orders ALTER COLUMN total DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM orders WHERE total IS NOT NULL AND CAST(CAST(total AS numeric(10,2)) AS numeric(12,2)) IS DISTINCT FROM total) THEN RAISE EXCEPTION 'retort: orders.total holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of orders.total from numeric(12,2) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);

-- REVIEW: fails if orders.customer_id holds NULLs
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;

CREATE INDEX ix_orders_customer ON orders (customer_id);

ALTER TABLE order_items DROP CONSTRAINT order_items_pkey;

ALTER TABLE order_items ALTER COLUMN qty DROP DEFAULT;

ALTER TABLE order_items ALTER COLUMN product_id DROP NOT NULL;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, qty);

ALTER TABLE customers DROP CONSTRAINT uq_customers_email;

ALTER TABLE customers ALTER COLUMN vip DROP DEFAULT;

ALTER TABLE customers ALTER COLUMN vip DROP NOT NULL;

ALTER TABLE customers ALTER COLUMN vip SET DEFAULT false;

ALTER TABLE customers ALTER COLUMN name DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM customers WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(50)) AS character varying(120)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: customers.name holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of customers.name from character varying(120) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE customers ALTER COLUMN name TYPE character varying(50);

ALTER TABLE customers ALTER COLUMN name DROP NOT NULL;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM customers WHERE email IS NOT NULL AND CAST(CAST(email AS character varying(100)) AS character varying(255)) IS DISTINCT FROM email) THEN RAISE EXCEPTION 'retort: customers.email holds values that character varying(100) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of customers.email from character varying(255) to character varying(100): strings longer than 100 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE customers ALTER COLUMN email TYPE character varying(100);

-- REVIEW: drops column customers.country and its data
ALTER TABLE customers DROP COLUMN country;

ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;

ALTER TABLE order_items ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);
