-- upgrade
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id, role);

ALTER TABLE prices DROP CONSTRAINT prices_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE prices ADD CONSTRAINT prices_pkey PRIMARY KEY (sku, currency);

ALTER TABLE tags DROP CONSTRAINT tags_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY (id);

-- downgrade
ALTER TABLE tags DROP CONSTRAINT tags_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY (item, tag);

ALTER TABLE prices DROP CONSTRAINT prices_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE prices ADD CONSTRAINT prices_pkey PRIMARY KEY (sku, region);

ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id);
