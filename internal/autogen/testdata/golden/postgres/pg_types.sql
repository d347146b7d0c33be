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

-- REVIEW: changes the type of t.b from text to character varying(20): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN b TYPE character varying(20);

ALTER TABLE t ALTER COLUMN c TYPE numeric(12,4);

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'happy'::mood;

-- REVIEW: changes the type of t.d from timestamp without time zone to timestamp with time zone: fails or loses data if existing values do not fit
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

-- REVIEW: changes the type of t.d from timestamp with time zone to timestamp without time zone: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN d TYPE timestamp without time zone;

ALTER TABLE t ALTER COLUMN m DROP DEFAULT;

ALTER TABLE t ALTER COLUMN m SET DEFAULT 'ok'::mood;

-- REVIEW: changes the type of t.c from numeric(12,4) to numeric(10,2): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN c TYPE numeric(10,2);

ALTER TABLE t ALTER COLUMN b TYPE text;

ALTER TABLE t ALTER COLUMN b SET DEFAULT 'x'::text;

ALTER TABLE t ALTER COLUMN a DROP DEFAULT;

-- REVIEW: changes the type of t.a from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN a TYPE integer;

ALTER TABLE t ALTER COLUMN a DROP NOT NULL;

COMMENT ON COLUMN t.a IS NULL;

ALTER TABLE t ALTER COLUMN id DROP IDENTITY;

-- REVIEW: changes the type of t.id from bigint to integer: fails or loses data if existing values do not fit
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
