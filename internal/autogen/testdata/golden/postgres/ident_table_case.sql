-- upgrade
ALTER TABLE users ADD COLUMN age integer;

-- downgrade
-- REVIEW: drops column users.age and its data
ALTER TABLE users DROP COLUMN age;
