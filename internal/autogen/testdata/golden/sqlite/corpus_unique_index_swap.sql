-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: drop unique constraint "accounts_email_key"; drop unique constraint "accounts_org_team"; drop index "accounts_handle"; drop index "accounts_slot"; add unique constraint "accounts_org_team" (org, team, slot); add index "accounts_email_key"; add index "accounts_handle"; add index "accounts_slot"; table definition); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50), handle VARCHAR(20), org INTEGER, team INTEGER, slot INTEGER, CONSTRAINT accounts_org_team UNIQUE (org, team, slot));

-- REVIEW: adds unique (org, team, slot) on accounts: fails if existing rows hold duplicates
INSERT INTO accounts (id, email, handle, org, team, slot) SELECT id, email, handle, org, team, slot FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE INDEX accounts_handle ON accounts (handle);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_slot ON accounts (slot);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: table definition; drop index "accounts_slot"; drop index "accounts_handle"; drop index "accounts_email_key"; drop unique constraint "accounts_org_team"; add index "accounts_slot"; add index "accounts_handle"; add unique constraint "accounts_org_team" (org, team); add unique constraint "accounts_email_key" (email)); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50), handle VARCHAR(20), org INTEGER, team INTEGER, slot INTEGER, CONSTRAINT accounts_email_key UNIQUE (email), CONSTRAINT accounts_org_team UNIQUE (org, team));

-- REVIEW: adds unique (org, team) on accounts: fails if existing rows hold duplicates
-- REVIEW: adds unique (email) on accounts: fails if existing rows hold duplicates
INSERT INTO accounts (id, email, handle, org, team, slot) SELECT id, email, handle, org, team, slot FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_handle ON accounts (handle);

CREATE INDEX accounts_slot ON accounts (slot);
