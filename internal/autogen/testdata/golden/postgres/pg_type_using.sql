-- upgrade
ALTER TABLE t ALTER COLUMN n DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE n IS NOT NULL AND CAST(CAST(n AS integer) AS text) IS DISTINCT FROM n) THEN RAISE EXCEPTION 'retort: t.n holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.n from text to integer with USING n::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN n TYPE integer USING n::integer;

ALTER TABLE t ALTER COLUMN n SET DEFAULT 5;

ALTER TABLE t ALTER COLUMN flag DROP DEFAULT;

-- REVIEW: changes the type of t.flag from integer to boolean with USING flag::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN flag TYPE boolean USING flag::boolean;

ALTER TABLE t ALTER COLUMN flag SET DEFAULT false;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE at IS NOT NULL AND CAST(CAST(at AS timestamp without time zone) AS text) IS DISTINCT FROM at) THEN RAISE EXCEPTION 'retort: t.at holds values that timestamp without time zone cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.at from text to timestamp without time zone with USING at::timestamp without time zone: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN at TYPE timestamp without time zone USING at::timestamp without time zone;

-- REVIEW: changes the type of t.f from double precision to numeric(6,2): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN f TYPE numeric(6,2);

-- downgrade
-- REVIEW: changes the type of t.f from numeric(6,2) to double precision: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN f TYPE double precision;

-- REVIEW: changes the type of t.at from timestamp without time zone to text: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN at TYPE text;

ALTER TABLE t ALTER COLUMN flag DROP DEFAULT;

-- REVIEW: changes the type of t.flag from boolean to integer with USING flag::integer: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN flag TYPE integer USING flag::integer;

ALTER TABLE t ALTER COLUMN flag SET DEFAULT 0;

ALTER TABLE t ALTER COLUMN n DROP DEFAULT;

ALTER TABLE t ALTER COLUMN n TYPE text;

ALTER TABLE t ALTER COLUMN n SET DEFAULT '5'::text;
