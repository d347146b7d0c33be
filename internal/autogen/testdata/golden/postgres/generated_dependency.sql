-- upgrade
DROP INDEX ix_t_doubled;

ALTER TABLE t DROP COLUMN doubled;

ALTER TABLE t ALTER COLUMN price TYPE bigint;

ALTER TABLE t ADD COLUMN doubled integer GENERATED ALWAYS AS ((price * 2)) STORED;

CREATE INDEX ix_t_doubled ON t (doubled);

-- downgrade
DROP INDEX ix_t_doubled;

ALTER TABLE t DROP COLUMN doubled;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE price IS NOT NULL AND CAST(CAST(price AS integer) AS bigint) IS DISTINCT FROM price) THEN RAISE EXCEPTION 'retort: t.price holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.price from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE t ALTER COLUMN price TYPE integer;

ALTER TABLE t ADD COLUMN doubled integer GENERATED ALWAYS AS ((price * 2)) STORED;

CREATE INDEX ix_t_doubled ON t (doubled);
