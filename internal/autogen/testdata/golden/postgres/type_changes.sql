-- upgrade
-- REVIEW: changes the type of t.a from character varying(50) to character varying(200): may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN a TYPE character varying(200);

-- REVIEW: changes the type of t.b from integer to bigint: may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN b TYPE bigint;

-- REVIEW: changes the type of t.c from numeric(8,2) to numeric(12,4): may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN c TYPE numeric(12,4);

-- REVIEW: changes the type of t.d from character varying(10) to integer: may rewrite the table, and fails or loses precision if values do not fit; the USING cast may fail on existing data
ALTER TABLE t ALTER COLUMN d TYPE integer USING d::integer;

-- downgrade
-- REVIEW: changes the type of t.d from integer to character varying(10): may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN d TYPE character varying(10);

-- REVIEW: changes the type of t.c from numeric(12,4) to numeric(8,2): may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN c TYPE numeric(8,2);

-- REVIEW: changes the type of t.b from bigint to integer: may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN b TYPE integer;

-- REVIEW: changes the type of t.a from character varying(200) to character varying(50): may rewrite the table, and fails or loses precision if values do not fit
ALTER TABLE t ALTER COLUMN a TYPE character varying(50);
