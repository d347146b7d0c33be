-- upgrade
DROP VIEW cheap;

ALTER TABLE items RENAME COLUMN price TO unit_price;

ALTER TABLE items RENAME COLUMN cost TO price;

DROP INDEX items_price_ix;

CREATE INDEX items_price_ix ON items (unit_price, qty);

CREATE VIEW cheap AS SELECT id, unit_price FROM items WHERE unit_price < 10;

-- downgrade
DROP VIEW cheap;

DROP INDEX items_price_ix;

CREATE INDEX items_price_ix ON items (unit_price, qty);

ALTER TABLE items RENAME COLUMN price TO cost;

ALTER TABLE items RENAME COLUMN unit_price TO price;

CREATE VIEW cheap AS SELECT id, price FROM items WHERE price < 10;
