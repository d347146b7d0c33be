-- up
ALTER TABLE users ALTER COLUMN name DROP DEFAULT;
-- review: changes the type of users.name from character varying(50) to integer[] with USING CASE WHEN name IS NULL THEN NULL ELSE ARRAY[name::integer] END: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE users ALTER COLUMN name TYPE integer[] USING CASE WHEN name IS NULL THEN NULL ELSE ARRAY[name::integer] END;
-- review: fails if users.name holds NULLs
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
COMMENT ON COLUMN users.name IS NULL;
-- down
DO $retort$BEGIN IF EXISTS (SELECT FROM users WHERE length((name)[1]::text::text) > 50) THEN RAISE EXCEPTION 'retort: users.name holds values longer than 50 characters once converted to character varying(50); change or delete them first (the type change was not made)'; END IF; END$retort$;
-- review: changes the type of users.name from integer[] to character varying(50) with USING (name)[1]::text::character varying(50): the cast fails on values it cannot convert, and the change with it (nothing is changed); values longer than 50 characters once converted fail the statement above, and nothing is changed
ALTER TABLE users ALTER COLUMN name TYPE character varying(50) USING (name)[1]::text::character varying(50);
ALTER TABLE users ALTER COLUMN name DROP NOT NULL;
ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon'::character varying;
COMMENT ON COLUMN users.name IS 'display name';
