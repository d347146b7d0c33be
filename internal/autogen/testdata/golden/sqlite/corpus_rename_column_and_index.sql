-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

ALTER TABLE users RENAME COLUMN mail TO email;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: drop unique constraint "users_mail_key"; drop index "users_mail_ix"; add unique constraint "users_email_key" (email, org); add index "users_email_ix"; table definition); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50), org INTEGER, CONSTRAINT users_email_key UNIQUE (email, org));

-- REVIEW: adds unique (email, org) on users: fails if existing rows hold duplicates
INSERT INTO users (id, email, org) SELECT id, email, org FROM _retort_old_users;

DROP TABLE _retort_old_users;

CREATE INDEX users_email_ix ON users (email, id);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; drop index "users_email_ix"; drop unique constraint "users_email_key"; add index "users_mail_ix"; add unique constraint "users_mail_key" (email)); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50), org INTEGER, CONSTRAINT users_mail_key UNIQUE (email));

-- REVIEW: adds unique (email) on users: fails if existing rows hold duplicates
INSERT INTO users (id, email, org) SELECT id, email, org FROM _retort_old_users;

DROP TABLE _retort_old_users;

CREATE INDEX users_mail_ix ON users (email, id);

ALTER TABLE users RENAME COLUMN email TO mail;
