-- upgrade
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- A SQL function's body is checked when it runs, not when it is created: it may read
-- a table this revision creates after it (pg_dump does the same).
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION is_happy(m mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT m = 'happy' $function$;

CREATE OR REPLACE FUNCTION item_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*) FROM item $function$;

CREATE OR REPLACE FUNCTION next_code()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'C' || (SELECT count(*) FROM keep)::text $function$;

CREATE OR REPLACE FUNCTION twice(n integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 2 $function$;

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION valid_code(c text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$ BEGIN RETURN c ~ '^[A-Z]+$'; END $function$;
-- +retort StatementEnd

CREATE TABLE item (
    id integer NOT NULL,
    code text DEFAULT next_code() NOT NULL,
    m mood,
    doubled integer GENERATED ALWAYS AS (twice(id)) STORED,
    PRIMARY KEY (id),
    CONSTRAINT item_code_check CHECK (valid_code(code))
);

CREATE VIEW happy_items AS
SELECT item.id,
    item_count() AS total
   FROM item
  WHERE is_happy(item.m);

-- downgrade
DROP VIEW happy_items;

-- REVIEW: drops table item and all its data
DROP TABLE item;

-- REVIEW: drops function valid_code(text): whatever still calls it fails
DROP FUNCTION valid_code(text);

-- REVIEW: drops function twice(integer): whatever still calls it fails
DROP FUNCTION twice(integer);

-- REVIEW: drops function next_code(): whatever still calls it fails
DROP FUNCTION next_code();

-- REVIEW: drops function item_count(): whatever still calls it fails
DROP FUNCTION item_count();

-- REVIEW: drops function is_happy(mood): whatever still calls it fails
DROP FUNCTION is_happy(mood);

DROP TYPE mood;
