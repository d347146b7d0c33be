-- upgrade
DROP VIEW tv;

CREATE TYPE switch AS ENUM ('on', 'off');

ALTER TABLE t DROP CONSTRAINT t_u_key;

ALTER TABLE t ADD COLUMN seq serial;

ALTER TABLE t ALTER COLUMN state DROP DEFAULT;

-- REVIEW: changes the type of t.state from character varying(10) to switch with USING state::switch: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN state TYPE switch USING state::switch;

ALTER TABLE t ALTER COLUMN state SET DEFAULT 'on'::switch;

ALTER TABLE t ALTER COLUMN l DROP DEFAULT;

-- REVIEW: changes the type of t.l from lvl to text: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN l TYPE text;

ALTER TABLE t ALTER COLUMN l SET DEFAULT 'a'::text;

ALTER TABLE t ALTER COLUMN nums TYPE bigint[];

ALTER TABLE t ALTER COLUMN at DROP DEFAULT;

ALTER TABLE t ALTER COLUMN at SET DEFAULT now();

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT t_u_key UNIQUE (u);

CREATE INDEX t_expr ON t ((lower(l)) COLLATE "C" text_pattern_ops DESC NULLS LAST);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE t ADD CONSTRAINT t_id_check CHECK (id > 0) NO INHERIT;

ALTER TABLE r ADD CONSTRAINT r_t_id_fkey FOREIGN KEY (t_id) REFERENCES t (id) MATCH FULL ON UPDATE CASCADE ON DELETE SET DEFAULT;

ALTER TABLE r ADD CONSTRAINT r_t_u_fkey FOREIGN KEY (t_u) REFERENCES t (u);

-- REVIEW: drops table old.stuff and all its data
DROP TABLE old.stuff;

DROP TYPE lvl;

-- REVIEW: drops schema old
DROP SCHEMA old;

CREATE VIEW tv AS
SELECT t.id,
    t.state
   FROM t;

COMMENT ON VIEW tv IS 'view of t, again';

-- downgrade
DROP VIEW tv;

CREATE SCHEMA old;

CREATE TYPE lvl AS ENUM ('a', 'b');

CREATE TABLE old.stuff (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE r DROP CONSTRAINT r_t_u_fkey;

ALTER TABLE r DROP CONSTRAINT r_t_id_fkey;

ALTER TABLE t DROP CONSTRAINT t_id_check;

DROP INDEX t_expr;

ALTER TABLE t DROP CONSTRAINT t_u_key;

ALTER TABLE t ALTER COLUMN at DROP DEFAULT;

ALTER TABLE t ALTER COLUMN at SET DEFAULT CURRENT_TIMESTAMP;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE nums IS NOT NULL AND CAST(CAST(nums AS integer[]) AS bigint[]) IS DISTINCT FROM nums) THEN RAISE EXCEPTION 'retort: t.nums holds values that integer[] cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.nums from bigint[] to integer[]: values that integer[] cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN nums TYPE integer[];

ALTER TABLE t ALTER COLUMN l DROP DEFAULT;

-- REVIEW: changes the type of t.l from text to lvl with USING l::lvl: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE t ALTER COLUMN l TYPE lvl USING l::lvl;

ALTER TABLE t ALTER COLUMN l SET DEFAULT 'a'::lvl;

ALTER TABLE t ALTER COLUMN state DROP DEFAULT;

-- REVIEW: changes the type of t.state from switch to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN state TYPE character varying(10);

ALTER TABLE t ALTER COLUMN state SET DEFAULT 'on'::character varying;

-- REVIEW: drops column t.seq and its data
ALTER TABLE t DROP COLUMN seq;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT t_u_key UNIQUE (u) DEFERRABLE INITIALLY DEFERRED;

DROP TYPE switch;

CREATE VIEW tv AS
SELECT t.id,
    t.state
   FROM t;

COMMENT ON VIEW tv IS 'view of t';
