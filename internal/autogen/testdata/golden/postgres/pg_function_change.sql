-- upgrade
DROP FUNCTION renamed_arg(integer);

DROP FUNCTION add_one(bigint);

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION add_one(x bigint)
 RETURNS numeric
 LANGUAGE sql
AS $function$ SELECT (x + 1)::numeric $function$;

CREATE OR REPLACE FUNCTION add_one(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x + 2 $function$;

CREATE OR REPLACE FUNCTION fresh(VARIADIC parts text[])
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT array_to_string(parts, ',') $function$;

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION label(n integer)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
BEGIN
  RETURN 'number ' || n;
END;
$function$;
-- +retort StatementEnd

COMMENT ON FUNCTION label(integer) IS 'new label';

CREATE OR REPLACE FUNCTION renamed_arg(b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$ SELECT b $function$;

-- +retort StatementBegin
CREATE OR REPLACE PROCEDURE tidy(IN keep integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN PERFORM keep + 1; END $procedure$;
-- +retort StatementEnd

COMMENT ON PROCEDURE tidy(integer) IS 'tidies up';

-- REVIEW: drops function gone(text, text): whatever still calls it fails
DROP FUNCTION gone(text, text);

-- downgrade
-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION gone(a text, b text)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT a || b $function$;

-- +retort StatementBegin
CREATE OR REPLACE PROCEDURE tidy(IN keep integer)
 LANGUAGE plpgsql
AS $procedure$ BEGIN PERFORM keep; END $procedure$;
-- +retort StatementEnd

COMMENT ON PROCEDURE tidy(integer) IS NULL;

DROP FUNCTION renamed_arg(integer);

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION label(n integer)
 RETURNS text
 LANGUAGE plpgsql
AS $function$
BEGIN
  RETURN 'n=' || n;
END;
$function$;
-- +retort StatementEnd

COMMENT ON FUNCTION label(integer) IS 'old label';

-- REVIEW: drops function fresh(text[]): whatever still calls it fails
DROP FUNCTION fresh(text[]);

CREATE OR REPLACE FUNCTION add_one(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x + 1 $function$;

DROP FUNCTION add_one(bigint);

CREATE OR REPLACE FUNCTION add_one(x bigint)
 RETURNS bigint
 LANGUAGE sql
AS $function$ SELECT x + 1 $function$;

CREATE OR REPLACE FUNCTION renamed_arg(a integer)
 RETURNS integer
 LANGUAGE sql
AS $function$ SELECT a $function$;
