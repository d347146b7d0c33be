-- upgrade
DROP VIEW cheap;

ALTER TABLE items RENAME COLUMN price TO unit_price;

ALTER TABLE items RENAME COLUMN cost TO price;

CREATE VIEW cheap AS
SELECT items.id,
    items.unit_price
   FROM items
  WHERE items.unit_price < 10;

-- downgrade
DROP VIEW cheap;

ALTER TABLE items RENAME COLUMN price TO cost;

ALTER TABLE items RENAME COLUMN unit_price TO price;

CREATE VIEW cheap AS
SELECT items.id,
    items.price
   FROM items
  WHERE items.price < 10;
