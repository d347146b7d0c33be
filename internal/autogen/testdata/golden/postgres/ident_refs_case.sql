-- upgrade
ALTER TABLE parents ADD COLUMN born integer;

-- downgrade
-- REVIEW: drops column parents.born and its data
ALTER TABLE parents DROP COLUMN born;
