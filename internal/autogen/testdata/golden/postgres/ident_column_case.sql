-- upgrade
ALTER TABLE accounts ADD COLUMN note character varying(10);

-- downgrade
-- REVIEW: drops column accounts.note and its data
ALTER TABLE accounts DROP COLUMN note;
