-- upgrade
ALTER TABLE customers ADD COLUMN tier character varying(10) DEFAULT 'free'::character varying NOT NULL;

ALTER TABLE customers ADD COLUMN credits integer DEFAULT 100 NOT NULL;

ALTER TABLE customers ADD COLUMN joined timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;

ALTER TABLE customers ADD COLUMN ref character varying(10);

-- downgrade
-- REVIEW: drops column customers.ref and its data
ALTER TABLE customers DROP COLUMN ref;

-- REVIEW: drops column customers.joined and its data
ALTER TABLE customers DROP COLUMN joined;

-- REVIEW: drops column customers.credits and its data
ALTER TABLE customers DROP COLUMN credits;

-- REVIEW: drops column customers.tier and its data
ALTER TABLE customers DROP COLUMN tier;
