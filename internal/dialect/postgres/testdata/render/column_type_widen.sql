-- up
ALTER TABLE users ALTER COLUMN id TYPE bigint;
-- down
DO $retort$BEGIN IF EXISTS (SELECT FROM users WHERE id IS NOT NULL AND CAST(CAST(id AS integer) AS bigint) IS DISTINCT FROM id) THEN RAISE EXCEPTION 'retort: users.id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- review: changes the type of users.id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE users ALTER COLUMN id TYPE integer;
