-- upgrade
-- +retort StatementBegin
CREATE OR REPLACE FUNCTION new_code()
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN 'y'; END $function$;
-- +retort StatementEnd

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION positive(v integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT v > 0 $function$;

CREATE OR REPLACE FUNCTION squared(v integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT v * v $function$;

ALTER TABLE item ALTER COLUMN code DROP DEFAULT;

ALTER TABLE item ALTER COLUMN code SET DEFAULT new_code();

ALTER TABLE item ADD COLUMN sq integer GENERATED ALWAYS AS (squared(n)) STORED;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE item ADD CONSTRAINT item_n_positive CHECK (positive(n));

-- REVIEW: drops function old_code(): whatever still calls it fails
DROP FUNCTION old_code();

-- downgrade
-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION old_code()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'x' $function$;

ALTER TABLE item DROP CONSTRAINT item_n_positive;

ALTER TABLE item DROP COLUMN sq;

ALTER TABLE item ALTER COLUMN code DROP DEFAULT;

ALTER TABLE item ALTER COLUMN code SET DEFAULT old_code();

-- REVIEW: drops function squared(integer): whatever still calls it fails
DROP FUNCTION squared(integer);

-- REVIEW: drops function positive(integer): whatever still calls it fails
DROP FUNCTION positive(integer);

-- REVIEW: drops function new_code(): whatever still calls it fails
DROP FUNCTION new_code();
