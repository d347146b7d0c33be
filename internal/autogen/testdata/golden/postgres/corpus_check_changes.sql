-- upgrade
ALTER TABLE orders DROP CONSTRAINT orders_price;

ALTER TABLE orders DROP CONSTRAINT orders_qty;

ALTER TABLE orders RENAME CONSTRAINT orders_status TO orders_status_ok;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE orders ADD CONSTRAINT orders_qty CHECK (qty > 0 AND qty < 1000);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE orders ADD CONSTRAINT orders_sane CHECK (price <= 100000);

-- downgrade
ALTER TABLE orders DROP CONSTRAINT orders_sane;

ALTER TABLE orders DROP CONSTRAINT orders_qty;

ALTER TABLE orders RENAME CONSTRAINT orders_status_ok TO orders_status;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE orders ADD CONSTRAINT orders_qty CHECK (qty > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE orders ADD CONSTRAINT orders_price CHECK (price >= 0);
