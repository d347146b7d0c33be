-- upgrade
-- REVIEW: changes the type of m.a from character varying(10) to character varying(5): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN a TYPE character varying(5);

ALTER TABLE m ALTER COLUMN b TYPE numeric(12,4);

-- REVIEW: changes the type of m.c from character(5) to character varying(5): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN c TYPE character varying(5);

-- REVIEW: changes the type of m.d from text to character varying(100): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN d TYPE character varying(100);

ALTER TABLE m ALTER COLUMN e TYPE integer;

-- REVIEW: changes the type of m.f from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN f TYPE integer;

ALTER TABLE m ALTER COLUMN g TYPE double precision;

ALTER TABLE m ALTER COLUMN h TYPE numeric(7,2);

-- downgrade
-- REVIEW: changes the type of m.h from numeric(7,2) to numeric(5,0): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN h TYPE numeric(5,0);

-- REVIEW: changes the type of m.g from double precision to real: fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN g TYPE real;

ALTER TABLE m ALTER COLUMN f TYPE bigint;

-- REVIEW: changes the type of m.e from integer to smallint: fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN e TYPE smallint;

ALTER TABLE m ALTER COLUMN d TYPE text;

-- REVIEW: changes the type of m.c from character varying(5) to character(5): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN c TYPE character(5);

-- REVIEW: changes the type of m.b from numeric(12,4) to numeric(10,2): fails or loses data if existing values do not fit
ALTER TABLE m ALTER COLUMN b TYPE numeric(10,2);

ALTER TABLE m ALTER COLUMN a TYPE character varying(10);
