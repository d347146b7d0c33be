-- upgrade
CREATE TYPE app.kind AS ENUM ('a', 'b');

ALTER TABLE app.things ADD COLUMN kind app.kind DEFAULT 'a'::app.kind;

ALTER TABLE app.things ALTER COLUMN tags SET DEFAULT '{}'::text[];

-- REVIEW: fails if app.things.ref holds NULLs
ALTER TABLE app.things ALTER COLUMN ref SET NOT NULL;

ALTER TABLE app.things ALTER COLUMN ref SET DEFAULT gen_random_uuid();

ALTER TABLE app.things ALTER COLUMN nums TYPE bigint[];

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX things_email_ci ON app.things ((lower(email)));

-- downgrade
DROP INDEX app.things_email_ci;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM app.things WHERE nums IS NOT NULL AND CAST(CAST(nums AS integer[]) AS bigint[]) IS DISTINCT FROM nums) THEN RAISE EXCEPTION 'retort: app.things.nums holds values that integer[] cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of app.things.nums from bigint[] to integer[]: values that integer[] cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE app.things ALTER COLUMN nums TYPE integer[];

ALTER TABLE app.things ALTER COLUMN ref DROP DEFAULT;

ALTER TABLE app.things ALTER COLUMN ref DROP NOT NULL;

ALTER TABLE app.things ALTER COLUMN tags DROP DEFAULT;

-- REVIEW: drops column app.things.kind and its data
ALTER TABLE app.things DROP COLUMN kind;

DROP TYPE app.kind;
