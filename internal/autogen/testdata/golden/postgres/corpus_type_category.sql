-- upgrade
-- REVIEW: changes the type of m.code from integer to character varying(20): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN code TYPE character varying(20);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE num IS NOT NULL AND CAST(CAST(num AS integer) AS character varying(10)) IS DISTINCT FROM num) THEN RAISE EXCEPTION 'retort: m.num holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.num from character varying(10) to integer with USING num::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE m ALTER COLUMN num TYPE integer USING num::integer;

ALTER TABLE m ALTER COLUMN body TYPE text;

-- REVIEW: changes the type of m.f from real to numeric(10,2): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN f TYPE numeric(10,2);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE t IS NOT NULL AND CAST(CAST(t AS character varying(100)) AS text) IS DISTINCT FROM t) THEN RAISE EXCEPTION 'retort: m.t holds values that character varying(100) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.t from text to character varying(100): strings longer than 100 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN t TYPE character varying(100);

-- downgrade
ALTER TABLE m ALTER COLUMN t TYPE text;

-- REVIEW: changes the type of m.f from numeric(10,2) to real: fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN f TYPE real;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE body IS NOT NULL AND CAST(CAST(body AS character varying(200)) AS text) IS DISTINCT FROM body) THEN RAISE EXCEPTION 'retort: m.body holds values that character varying(200) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.body from text to character varying(200): strings longer than 200 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE m ALTER COLUMN body TYPE character varying(200);

-- REVIEW: changes the type of m.num from integer to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN num TYPE character varying(10);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM m WHERE code IS NOT NULL AND CAST(CAST(code AS integer) AS character varying(20)) IS DISTINCT FROM code) THEN RAISE EXCEPTION 'retort: m.code holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of m.code from character varying(20) to integer with USING code::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE m ALTER COLUMN code TYPE integer USING code::integer;
