-- up
ALTER TABLE users ALTER COLUMN id TYPE bigint;
-- down
-- review: changes the type of users.id from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE users ALTER COLUMN id TYPE integer;
