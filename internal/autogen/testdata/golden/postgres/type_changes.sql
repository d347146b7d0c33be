-- upgrade
ALTER TABLE t ALTER COLUMN a TYPE character varying(200);

ALTER TABLE t ALTER COLUMN b TYPE bigint;

ALTER TABLE t ALTER COLUMN c TYPE numeric(12,4);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE d IS NOT NULL AND CAST(CAST(d AS integer) AS character varying(10)) IS DISTINCT FROM d) THEN RAISE EXCEPTION 'retort: t.d holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.d from character varying(10) to integer with USING d::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN d TYPE integer USING d::integer;

-- downgrade
-- REVIEW: changes the type of t.d from integer to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN d TYPE character varying(10);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE c IS NOT NULL AND CAST(CAST(c AS numeric(8,2)) AS numeric(12,4)) IS DISTINCT FROM c) THEN RAISE EXCEPTION 'retort: t.c holds values that numeric(8,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.c from numeric(12,4) to numeric(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN c TYPE numeric(8,2);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE b IS NOT NULL AND CAST(CAST(b AS integer) AS bigint) IS DISTINCT FROM b) THEN RAISE EXCEPTION 'retort: t.b holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.b from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN b TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE a IS NOT NULL AND CAST(CAST(a AS character varying(50)) AS character varying(200)) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: t.a holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.a from character varying(200) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN a TYPE character varying(50);
