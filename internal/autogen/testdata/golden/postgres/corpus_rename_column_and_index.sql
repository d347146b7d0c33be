-- upgrade
ALTER TABLE users RENAME COLUMN mail TO email;

ALTER TABLE users DROP CONSTRAINT users_mail_key;

ALTER INDEX users_mail_ix RENAME TO users_email_ix;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email, org);

-- downgrade
ALTER TABLE users DROP CONSTRAINT users_email_key;

ALTER INDEX users_email_ix RENAME TO users_mail_ix;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE users ADD CONSTRAINT users_mail_key UNIQUE (email);

ALTER TABLE users RENAME COLUMN email TO mail;
