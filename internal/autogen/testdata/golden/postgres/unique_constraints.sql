-- upgrade
ALTER TABLE t DROP CONSTRAINT uq_a;

ALTER TABLE t RENAME CONSTRAINT uq_b_old TO uq_b_new;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT uq_ac UNIQUE (a, c);

-- downgrade
ALTER TABLE t DROP CONSTRAINT uq_ac;

ALTER TABLE t RENAME CONSTRAINT uq_b_new TO uq_b_old;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT uq_a UNIQUE (a);
