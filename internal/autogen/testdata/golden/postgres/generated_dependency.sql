-- upgrade
DROP INDEX ix_t_doubled;

ALTER TABLE t DROP COLUMN doubled;

ALTER TABLE t ALTER COLUMN price TYPE bigint;

ALTER TABLE t ADD COLUMN doubled integer GENERATED ALWAYS AS ((price * 2)) STORED;

CREATE INDEX ix_t_doubled ON t (doubled);

-- downgrade
DROP INDEX ix_t_doubled;

ALTER TABLE t DROP COLUMN doubled;

-- REVIEW: changes the type of t.price from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN price TYPE integer;

ALTER TABLE t ADD COLUMN doubled integer GENERATED ALWAYS AS ((price * 2)) STORED;

CREATE INDEX ix_t_doubled ON t (doubled);
