-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE t1 ADD CONSTRAINT t1_pkey PRIMARY KEY (a);

ALTER TABLE t2 DROP CONSTRAINT t2_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE t2 ADD CONSTRAINT t2_pkey PRIMARY KEY (a, b);

-- downgrade
ALTER TABLE t2 DROP CONSTRAINT t2_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE t2 ADD CONSTRAINT t2_pkey PRIMARY KEY (a);

ALTER TABLE t1 DROP CONSTRAINT t1_pkey;
