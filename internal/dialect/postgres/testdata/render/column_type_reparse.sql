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
-- review: changes the type of users.name from character varying(80) to character varying(50): fails or loses data if existing values do not fit
ALTER TABLE users ALTER COLUMN name TYPE character varying(50);
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon'::character varying;
-- review: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT ck_name_in CHECK (name::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::character varying[]::text[]));
CREATE INDEX ix_users_name ON users (name DESC NULLS LAST) WHERE name::text = ANY (ARRAY['x'::character varying]::character varying[]::text[]);
COMMENT ON INDEX ix_users_name IS 'lookup';
