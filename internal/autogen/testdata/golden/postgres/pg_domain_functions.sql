-- upgrade
CREATE SCHEMA lib;

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION lib.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n % 2 = 0 $function$;

CREATE DOMAIN a_even AS integer
    CONSTRAINT a_even_check CHECK (lib.is_even(VALUE));

CREATE DOMAIN lib.small_even AS a_even
    CONSTRAINT small_even_check CHECK (VALUE::integer < 100);

CREATE OR REPLACE FUNCTION allowed(o text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT o = current_user $function$;

ALTER TABLE doc ADD COLUMN n lib.small_even;

ALTER TABLE doc ENABLE ROW LEVEL SECURITY;

CREATE POLICY mine ON doc AS PERMISSIVE FOR ALL TO PUBLIC USING (allowed(owner));

-- downgrade
-- REVIEW: drops policy mine on doc: the rows it lets through or keeps out change
DROP POLICY mine ON doc;

ALTER TABLE doc DISABLE ROW LEVEL SECURITY;

-- REVIEW: drops column doc.n and its data
ALTER TABLE doc DROP COLUMN n;

-- REVIEW: drops function allowed(text): whatever still calls it fails
DROP FUNCTION allowed(text);

-- REVIEW: drops domain lib.small_even
DROP DOMAIN lib.small_even;

-- REVIEW: drops domain a_even
DROP DOMAIN a_even;

-- REVIEW: drops function lib.is_even(integer): whatever still calls it fails
DROP FUNCTION lib.is_even(integer);

-- REVIEW: drops schema lib
DROP SCHEMA lib;
