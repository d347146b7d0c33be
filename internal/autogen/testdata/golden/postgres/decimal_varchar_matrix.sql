-- upgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE a IS NOT NULL AND CAST(CAST(a AS character varying(5)) AS character varying(10)) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: m.a holds values that character varying(5) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.a from character varying(10) to character varying(5): strings longer than 5 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN a TYPE character varying(5);

ALTER TABLE m ALTER COLUMN b TYPE numeric(12,4);

ALTER TABLE m ALTER COLUMN c TYPE character varying(5);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE d IS NOT NULL AND CAST(CAST(d AS character varying(100)) AS text) IS DISTINCT FROM d) THEN RAISE EXCEPTION 'retort: m.d holds values that character varying(100) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.d from text to character varying(100): strings longer than 100 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN d TYPE character varying(100);

ALTER TABLE m ALTER COLUMN e TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE f IS NOT NULL AND CAST(CAST(f AS integer) AS bigint) IS DISTINCT FROM f) THEN RAISE EXCEPTION 'retort: m.f holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.f from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN f TYPE integer;

ALTER TABLE m ALTER COLUMN g TYPE double precision;

ALTER TABLE m ALTER COLUMN h TYPE numeric(7,2);

-- downgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE h IS NOT NULL AND CAST(CAST(h AS numeric(5,0)) AS numeric(7,2)) IS DISTINCT FROM h) THEN RAISE EXCEPTION 'retort: m.h holds values that numeric(5,0) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.h from numeric(7,2) to numeric(5,0): values of 6 or more digits before the point, or with more than 0 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN h TYPE numeric(5,0);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE g IS NOT NULL AND CAST(CAST(g AS real) AS double precision) IS DISTINCT FROM g) THEN RAISE EXCEPTION 'retort: m.g holds values that real cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.g from double precision to real: values that real cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN g TYPE real;

ALTER TABLE m ALTER COLUMN f TYPE bigint;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE e IS NOT NULL AND CAST(CAST(e AS smallint) AS integer) IS DISTINCT FROM e) THEN RAISE EXCEPTION 'retort: m.e holds values that smallint cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.e from integer to smallint: values outside smallint's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN e TYPE smallint;

ALTER TABLE m ALTER COLUMN d TYPE text;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE c IS NOT NULL AND CAST(CAST(c AS character(5)) AS character varying(5)) IS DISTINCT FROM c) THEN RAISE EXCEPTION 'retort: m.c holds values that character(5) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.c from character varying(5) to character(5): strings longer than 5 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN c TYPE character(5);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE b IS NOT NULL AND CAST(CAST(b AS numeric(10,2)) AS numeric(12,4)) IS DISTINCT FROM b) THEN RAISE EXCEPTION 'retort: m.b holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.b from numeric(12,4) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN b TYPE numeric(10,2);

ALTER TABLE m ALTER COLUMN a TYPE character varying(10);
