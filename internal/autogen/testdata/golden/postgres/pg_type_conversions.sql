-- upgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE a IS NOT NULL AND CAST(CAST(a AS integer) AS text) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: conv.a holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.a from text to integer with USING a::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE conv ALTER COLUMN a TYPE integer USING a::integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE b IS NOT NULL AND CAST(CAST(b AS boolean) AS character varying(5)) IS DISTINCT FROM b) THEN RAISE EXCEPTION 'retort: conv.b holds values that boolean cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.b from character varying(5) to boolean with USING b::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE conv ALTER COLUMN b TYPE boolean USING b::boolean;

ALTER TABLE conv ALTER COLUMN c TYPE text;

ALTER TABLE conv ALTER COLUMN d TYPE timestamp with time zone;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE e IS NOT NULL AND CAST(CAST(e AS integer) AS numeric(10,2)) IS DISTINCT FROM e) THEN RAISE EXCEPTION 'retort: conv.e holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.e from numeric(10,2) to integer: values outside integer's range or with a fractional part fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE conv ALTER COLUMN e TYPE integer;

ALTER TABLE conv ALTER COLUMN f DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE f IS NOT NULL AND CAST(CAST(f AS jsonb) AS text) IS DISTINCT FROM f) THEN RAISE EXCEPTION 'retort: conv.f holds values that jsonb cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.f from text to jsonb with USING f::jsonb: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE conv ALTER COLUMN f TYPE jsonb USING f::jsonb;

ALTER TABLE conv ALTER COLUMN f SET DEFAULT '{}'::jsonb;

-- downgrade
ALTER TABLE conv ALTER COLUMN f DROP DEFAULT;

-- REVIEW: changes the type of conv.f from jsonb to text: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN f TYPE text;

ALTER TABLE conv ALTER COLUMN f SET DEFAULT '{}'::text;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE e IS NOT NULL AND CAST(CAST(e AS numeric(10,2)) AS integer) IS DISTINCT FROM e) THEN RAISE EXCEPTION 'retort: conv.e holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.e from integer to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE conv ALTER COLUMN e TYPE numeric(10,2);

ALTER TABLE conv ALTER COLUMN d TYPE timestamp without time zone;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM conv WHERE c IS NOT NULL AND CAST(CAST(c AS integer) AS text) IS DISTINCT FROM c) THEN RAISE EXCEPTION 'retort: conv.c holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of conv.c from text to integer with USING c::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE conv ALTER COLUMN c TYPE integer USING c::integer;

-- REVIEW: changes the type of conv.b from boolean to character varying(5): fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN b TYPE character varying(5);

ALTER TABLE conv ALTER COLUMN a TYPE text;
