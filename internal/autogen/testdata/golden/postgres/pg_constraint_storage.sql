-- upgrade
ALTER TABLE acct DROP CONSTRAINT acct_pkey;

ALTER TABLE acct DROP CONSTRAINT acct_email;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE acct ADD CONSTRAINT acct_pkey PRIMARY KEY (id) WITH (fillfactor=70);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE acct ADD CONSTRAINT acct_code UNIQUE NULLS NOT DISTINCT (code) WITH (fillfactor=50) DEFERRABLE;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE acct ADD CONSTRAINT acct_email UNIQUE (email);

ALTER TABLE ref DROP CONSTRAINT ref_pk;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE ref ADD CONSTRAINT ref_pk PRIMARY KEY (id) WITH (fillfactor=90);

-- downgrade
ALTER TABLE ref DROP CONSTRAINT ref_pk;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE ref ADD CONSTRAINT ref_pk PRIMARY KEY (id) WITH (fillfactor=60);

ALTER TABLE acct DROP CONSTRAINT acct_email;

ALTER TABLE acct DROP CONSTRAINT acct_code;

ALTER TABLE acct DROP CONSTRAINT acct_pkey;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE acct ADD CONSTRAINT acct_email UNIQUE (email) WITH (fillfactor=80);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE acct ADD CONSTRAINT acct_pkey PRIMARY KEY (id);
