-- upgrade
DROP MATERIALIZED VIEW best;

DROP VIEW scored;

-- REVIEW: function score(integer) is dropped and created again (CREATE OR REPLACE cannot change its return type or argument names): PostgreSQL refuses while a column default, check or generated column uses it; change those in a revision of their own
DROP FUNCTION score(integer);

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION label()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'new' $function$;

CREATE OR REPLACE FUNCTION score(x integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x::bigint * 2 $function$;

COMMENT ON FUNCTION stamp() IS 'stamps rows';

CREATE VIEW scored AS
SELECT t.id,
    score(t.n) AS s
   FROM t;

CREATE MATERIALIZED VIEW best AS
SELECT max(scored.s) AS top
   FROM scored;

-- downgrade
DROP MATERIALIZED VIEW best;

DROP VIEW scored;

COMMENT ON FUNCTION stamp() IS NULL;

-- REVIEW: function score(integer) is dropped and created again (CREATE OR REPLACE cannot change its return type or argument names): PostgreSQL refuses while a column default, check or generated column uses it; change those in a revision of their own
DROP FUNCTION score(integer);

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION label()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'old' $function$;

CREATE OR REPLACE FUNCTION score(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x * 2 $function$;

CREATE VIEW scored AS
SELECT t.id,
    score(t.n) AS s
   FROM t;

CREATE MATERIALIZED VIEW best AS
SELECT max(scored.s) AS top
   FROM scored;
