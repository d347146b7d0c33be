-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table USERS (SQLite cannot ALTER this: add column "Age"; table definition); its rows are copied
ALTER TABLE users RENAME TO "_retort_old_USERS";

PRAGMA legacy_alter_table = OFF;

CREATE TABLE USERS (ID INTEGER NOT NULL PRIMARY KEY, Email VARCHAR(50) NOT NULL, nick VARCHAR(20), Age INTEGER);

INSERT INTO "USERS" ("ID", "Email", nick) SELECT "ID", "Email", nick FROM "_retort_old_USERS";

DROP TABLE "_retort_old_USERS";

CREATE INDEX users_email ON USERS (Email);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; drop column "Age"); its rows are copied
ALTER TABLE "USERS" RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50) NOT NULL, nick VARCHAR(20));

-- REVIEW: drops column users.Age and its data
INSERT INTO users (id, email, nick) SELECT id, email, nick FROM _retort_old_users;

DROP TABLE _retort_old_users;

CREATE INDEX users_email ON users (email);
