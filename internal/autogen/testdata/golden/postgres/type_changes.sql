-- upgrade
ALTER TABLE t ALTER COLUMN a TYPE character varying(200);

ALTER TABLE t ALTER COLUMN b TYPE bigint;

ALTER TABLE t ALTER COLUMN c TYPE numeric(12,4);

-- REVIEW: changes the type of t.d from character varying(10) to integer with USING d::integer: the cast fails on values it cannot convert
ALTER TABLE t ALTER COLUMN d TYPE integer USING d::integer;

-- downgrade
-- REVIEW: changes the type of t.d from integer to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN d TYPE character varying(10);

-- REVIEW: changes the type of t.c from numeric(12,4) to numeric(8,2): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN c TYPE numeric(8,2);

-- REVIEW: changes the type of t.b from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN b TYPE integer;

-- REVIEW: changes the type of t.a from character varying(200) to character varying(50): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN a TYPE character varying(50);
