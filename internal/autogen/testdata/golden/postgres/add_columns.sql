-- upgrade
ALTER TABLE items ADD COLUMN price numeric(10,2);

ALTER TABLE items ADD COLUMN qty integer DEFAULT 0 NOT NULL;

ALTER TABLE items ADD COLUMN note character varying(20) DEFAULT 'none'::character varying;

-- downgrade
-- REVIEW: drops column items.note and its data
ALTER TABLE items DROP COLUMN note;

-- REVIEW: drops column items.qty and its data
ALTER TABLE items DROP COLUMN qty;

-- REVIEW: drops column items.price and its data
ALTER TABLE items DROP COLUMN price;
