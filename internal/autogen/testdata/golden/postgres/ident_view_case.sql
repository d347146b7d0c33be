-- upgrade
DROP VIEW big_items;

ALTER TABLE items ADD COLUMN note character varying(10);

CREATE VIEW big_items AS
SELECT items.id,
    items.qty
   FROM items
  WHERE items.qty > 10;

-- downgrade
DROP VIEW big_items;

-- REVIEW: drops column items.note and its data
ALTER TABLE items DROP COLUMN note;

CREATE VIEW big_items AS
SELECT items.id,
    items.qty
   FROM items
  WHERE items.qty > 10;
