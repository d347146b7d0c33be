-- upgrade
ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 3;

ALTER TABLE t ADD COLUMN c TEXT;

CREATE INDEX ix_t_b ON t (b);

-- downgrade
DROP INDEX ix_t_b;

-- REVIEW: drops column t.c and its data
ALTER TABLE t DROP COLUMN c;

-- REVIEW: drops column t.b and its data
ALTER TABLE t DROP COLUMN b;
