-- up
ALTER TABLE users DROP CONSTRAINT users_pkey;
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE users ADD CONSTRAINT users_id_email PRIMARY KEY (id, email);
ALTER TABLE users DROP CONSTRAINT uq_users_email;
-- review: fails if existing rows hold duplicates
ALTER TABLE users ADD CONSTRAINT uq_name UNIQUE NULLS NOT DISTINCT (name);
-- down
ALTER TABLE users DROP CONSTRAINT uq_name;
-- review: fails if existing rows hold duplicates
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE users DROP CONSTRAINT users_id_email;
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
