-- upgrade
ALTER TABLE t DROP CONSTRAINT ck_a;

ALTER TABLE t DROP CONSTRAINT ck_b;

ALTER TABLE t RENAME CONSTRAINT ck_old TO ck_new;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a >= 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE t ADD CONSTRAINT ck_ab CHECK (a < b);

-- downgrade
ALTER TABLE t DROP CONSTRAINT ck_ab;

ALTER TABLE t DROP CONSTRAINT ck_a;

ALTER TABLE t RENAME CONSTRAINT ck_new TO ck_old;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE t ADD CONSTRAINT ck_b CHECK (b < 100);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0);
