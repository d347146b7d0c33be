-- upgrade
-- REVIEW: drops column people.age and its data
ALTER TABLE people DROP COLUMN age;

-- REVIEW: drops column people.nickname and its data
ALTER TABLE people DROP COLUMN nickname;

-- downgrade
ALTER TABLE people ADD COLUMN nickname character varying(30);

ALTER TABLE people ADD COLUMN age integer;
