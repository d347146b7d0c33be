-- upgrade
ALTER TABLE log ADD COLUMN id serial;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE log ADD CONSTRAINT log_pkey PRIMARY KEY (id);

ALTER TABLE tmp DROP CONSTRAINT tmp_pkey;

-- downgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE tmp ADD CONSTRAINT tmp_pkey PRIMARY KEY (id);

ALTER TABLE log DROP CONSTRAINT log_pkey;

-- REVIEW: drops column log.id and its data
ALTER TABLE log DROP COLUMN id;
