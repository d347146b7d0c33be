-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: modify column "id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(20));

INSERT INTO accounts (id, name) SELECT id, name FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table audits (SQLite cannot ALTER this: modify column "account_id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE audits RENAME TO _retort_old_audits;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE audits (id INTEGER NOT NULL PRIMARY KEY, account_id BIGINT, CONSTRAINT audits_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL);

INSERT INTO audits (id, account_id) SELECT id, account_id FROM _retort_old_audits;

DROP TABLE _retort_old_audits;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table entries (SQLite cannot ALTER this: modify column "account_id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE entries RENAME TO _retort_old_entries;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE entries (id INTEGER NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL, CONSTRAINT entries_account FOREIGN KEY (account_id) REFERENCES accounts (id));

INSERT INTO entries (id, account_id) SELECT id, account_id FROM _retort_old_entries;

DROP TABLE _retort_old_entries;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table entries (SQLite cannot ALTER this: table definition; modify column "account_id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE entries RENAME TO _retort_old_entries;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE entries (id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER NOT NULL, CONSTRAINT entries_account FOREIGN KEY (account_id) REFERENCES accounts (id));

INSERT INTO entries (id, account_id) SELECT id, account_id FROM _retort_old_entries;

DROP TABLE _retort_old_entries;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table audits (SQLite cannot ALTER this: table definition; modify column "account_id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE audits RENAME TO _retort_old_audits;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE audits (id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER, CONSTRAINT audits_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL);

INSERT INTO audits (id, account_id) SELECT id, account_id FROM _retort_old_audits;

DROP TABLE _retort_old_audits;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: table definition; modify column "id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

-- REVIEW: changes the type of accounts.id from BIGINT to INTEGER: fails if it holds values that are not integers (the column becomes the rowid)
INSERT INTO accounts (id, name) SELECT id, name FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;
