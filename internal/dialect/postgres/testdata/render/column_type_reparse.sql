-- up
ALTER TABLE users DROP CONSTRAINT ck_name_in;
DROP INDEX ix_users_name;
ALTER TABLE users ALTER COLUMN name DROP DEFAULT;
ALTER TABLE users ALTER COLUMN name TYPE character varying(80);
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon'::character varying;
-- review: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT ck_name_in CHECK (name::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::character varying[]::text[]));
CREATE INDEX ix_users_name ON users (name DESC NULLS LAST) WHERE name::text = ANY (ARRAY['x'::character varying]::character varying[]::text[]);
COMMENT ON INDEX ix_users_name IS 'lookup';
-- down
ALTER TABLE users DROP CONSTRAINT ck_name_in;
DROP INDEX ix_users_name;
ALTER TABLE users ALTER COLUMN name DROP DEFAULT;
DO $retort$BEGIN IF EXISTS (SELECT FROM users WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(50)) AS character varying(80)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: users.name holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- review: changes the type of users.name from character varying(80) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE users ALTER COLUMN name TYPE character varying(50);
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon'::character varying;
-- review: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT ck_name_in CHECK (name::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::character varying[]::text[]));
CREATE INDEX ix_users_name ON users (name DESC NULLS LAST) WHERE name::text = ANY (ARRAY['x'::character varying]::character varying[]::text[]);
COMMENT ON INDEX ix_users_name IS 'lookup';
