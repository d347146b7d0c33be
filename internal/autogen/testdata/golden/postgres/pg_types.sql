-- upgrade
CREATE TYPE color AS ENUM ('red', 'green');

-- REVIEW: recreates enum type mood, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)
ALTER TYPE mood RENAME TO mood__retort_old;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m TYPE mood USING m::text::mood;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'ok'::mood;

DROP TYPE mood__retort_old;

ALTER TABLE t ADD COLUMN e color[];

ALTER TABLE t ALTER COLUMN id DROP DEFAULT;

DROP SEQUENCE t_id_seq;

ALTER TABLE t ALTER COLUMN id TYPE bigint;

ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

ALTER TABLE t ALTER COLUMN a TYPE bigint;

-- REVIEW: fails if t.a holds NULLs
ALTER TABLE t ALTER COLUMN a SET NOT NULL;

ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;

COMMENT ON COLUMN t.a IS 'an a';

ALTER TABLE t ALTER COLUMN b DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE b IS NOT NULL AND CAST(CAST(b AS character varying(20)) AS text) IS DISTINCT FROM b) THEN RAISE EXCEPTION 'retort: t.b holds values that character varying(20) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.b from text to character varying(20): strings longer than 20 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN b TYPE character varying(20);

ALTER TABLE t ALTER COLUMN c TYPE numeric(12,4);

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'happy'::mood;

ALTER TABLE t ALTER COLUMN d TYPE timestamp with time zone;

ALTER TABLE t ALTER COLUMN d SET DEFAULT now();

ALTER TABLE t ADD COLUMN f text GENERATED ALWAYS AS (lower((b)::text)) STORED;

CREATE INDEX t_c_desc ON t (c DESC NULLS LAST, a) INCLUDE (b);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX t_lower_b ON t ((lower(b::text))) WHERE a > 0;

COMMENT ON TABLE t IS 'the t';

-- downgrade
COMMENT ON TABLE t IS NULL;

DROP INDEX t_lower_b;

DROP INDEX t_c_desc;

ALTER TABLE t DROP COLUMN f;

ALTER TABLE t ALTER COLUMN d DROP DEFAULT;

ALTER TABLE t ALTER COLUMN d TYPE timestamp without time zone;

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'ok'::mood;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE c IS NOT NULL AND CAST(CAST(c AS numeric(10,2)) AS numeric(12,4)) IS DISTINCT FROM c) THEN RAISE EXCEPTION 'retort: t.c holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.c from numeric(12,4) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN c TYPE numeric(10,2);

ALTER TABLE t ALTER COLUMN b TYPE text;

ALTER TABLE t ALTER COLUMN b SET DEFAULT 'x'::text;

ALTER TABLE t ALTER COLUMN a DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE a IS NOT NULL AND CAST(CAST(a AS integer) AS bigint) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: t.a holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.a from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN a TYPE integer;

ALTER TABLE t ALTER COLUMN a DROP NOT NULL;

COMMENT ON COLUMN t.a IS NULL;

ALTER TABLE t ALTER COLUMN id DROP IDENTITY;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE id IS NOT NULL AND CAST(CAST(id AS integer) AS bigint) IS DISTINCT FROM id) THEN RAISE EXCEPTION 'retort: t.id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN id TYPE integer;

CREATE SEQUENCE t_id_seq AS integer;

ALTER SEQUENCE t_id_seq OWNED BY t.id;

ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);

-- REVIEW: drops column t.e and its data
ALTER TABLE t DROP COLUMN e;

-- REVIEW: recreates enum type mood to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE mood RENAME TO mood__retort_old;

CREATE TYPE mood AS ENUM ('sad', 'ok');

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m TYPE mood USING m::text::mood;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'ok'::mood;

DROP TYPE mood__retort_old;

DROP TYPE color;
