-- upgrade
-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION split_name(full_name text, OUT first text, OUT last text)
 RETURNS record
 LANGUAGE sql
AS $function$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 3) $function$;

CREATE OR REPLACE FUNCTION util.greet(who text DEFAULT 'world'::text, punct text DEFAULT '!'::text)
 RETURNS text
 LANGUAGE sql
 STABLE COST 5
AS $function$ SELECT 'hello ' || who || punct $function$;

-- +retort StatementBegin
CREATE OR REPLACE PROCEDURE bump(INOUT n integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN n := n + 2; END $procedure$;
-- +retort StatementEnd

CREATE OR REPLACE FUNCTION people_named(p text)
 RETURNS SETOF person
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM person WHERE name = p $function$;

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION person_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM person;
END;
-- +retort StatementEnd

-- downgrade
-- REVIEW: drops function person_count(): whatever still calls it fails
DROP FUNCTION person_count();

-- REVIEW: drops function people_named(text): whatever still calls it fails
DROP FUNCTION people_named(text);

-- +retort StatementBegin
CREATE OR REPLACE PROCEDURE bump(INOUT n integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN n := n + 1; END $procedure$;
-- +retort StatementEnd

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION util.greet(who text DEFAULT 'world'::text, punct text DEFAULT '!'::text)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'hello ' || who || punct $function$;

CREATE OR REPLACE FUNCTION split_name(full_name text, OUT first text, OUT last text)
 RETURNS record
 LANGUAGE sql
AS $function$ SELECT split_part(full_name, ' ', 1), split_part(full_name, ' ', 2) $function$;
