-- upgrade
ALTER TABLE items ADD COLUMN price NUMERIC(10,2);

ALTER TABLE items ADD COLUMN qty INTEGER NOT NULL DEFAULT 0;

ALTER TABLE items ADD COLUMN note VARCHAR(20) DEFAULT 'none';

-- downgrade
-- REVIEW: drops column items.note and its data
ALTER TABLE items DROP COLUMN note;

-- REVIEW: drops column items.qty and its data
ALTER TABLE items DROP COLUMN qty;

-- REVIEW: drops column items.price and its data
ALTER TABLE items DROP COLUMN price;
