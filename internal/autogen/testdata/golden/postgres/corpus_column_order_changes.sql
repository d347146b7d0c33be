-- upgrade
ALTER TABLE profile ADD COLUMN x integer;

ALTER TABLE profile ALTER COLUMN d TYPE character varying(20);

ALTER TABLE profile ALTER COLUMN a TYPE bigint;

-- downgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM profile WHERE a IS NOT NULL AND CAST(CAST(a AS integer) AS bigint) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: profile.a holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of profile.a from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE profile ALTER COLUMN a TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM profile WHERE d IS NOT NULL AND CAST(CAST(d AS character varying(10)) AS character varying(20)) IS DISTINCT FROM d) THEN RAISE EXCEPTION 'retort: profile.d holds values that character varying(10) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of profile.d from character varying(20) to character varying(10): strings longer than 10 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE profile ALTER COLUMN d TYPE character varying(10);

-- REVIEW: drops column profile.x and its data
ALTER TABLE profile DROP COLUMN x;
