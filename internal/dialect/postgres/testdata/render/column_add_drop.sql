-- up
-- review: adds NOT NULL column users.age without a default: fails if the table has rows
ALTER TABLE users ADD COLUMN age integer NOT NULL;
COMMENT ON COLUMN users.age IS 'years';
ALTER TABLE users ADD COLUMN nick text;
-- down
-- review: drops column users.nick and its data
ALTER TABLE users DROP COLUMN nick;
-- review: drops column users.age and its data
ALTER TABLE users DROP COLUMN age;
