-- up
ALTER TABLE users DROP CONSTRAINT ck_users_name;
-- review: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT ck_id CHECK ((id > 0) AND (id < 100));
ALTER TABLE users ADD CONSTRAINT fk_users_self FOREIGN KEY (id) REFERENCES shop.orders (id);
ALTER TABLE users RENAME CONSTRAINT uq_users_email TO users_email_key;
-- down
ALTER TABLE users RENAME CONSTRAINT users_email_key TO uq_users_email;
ALTER TABLE users DROP CONSTRAINT fk_users_self;
ALTER TABLE users DROP CONSTRAINT ck_id;
-- review: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT ck_users_name CHECK (length((name)::text) > 0);
