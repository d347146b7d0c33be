-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: drop check constraint ""; add column "note"; add check constraint ""; table definition); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (Id INTEGER NOT NULL PRIMARY KEY, Email VARCHAR(50) NOT NULL, Score INTEGER CHECK (score >= 0), note VARCHAR(10), UNIQUE (EMAIL));

-- REVIEW: adds check (score >= 0) on accounts: fails if existing rows violate the check
INSERT INTO accounts ("Id", "Email", "Score") SELECT "Id", "Email", "Score" FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: drop index "orders_total"; drop foreign key "" (Account_ID); add index "orders_total"; add foreign key "" (Account_ID) → accounts(ID); table definition); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (ID INTEGER NOT NULL PRIMARY KEY, Account_ID INTEGER REFERENCES accounts (ID), total INTEGER);

INSERT INTO orders ("ID", "Account_ID", total) SELECT "ID", "Account_ID", total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX orders_total ON orders (Total, ACCOUNT_ID);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table orders (SQLite cannot ALTER this: table definition; drop foreign key "" (Account_ID); drop index "orders_total"; add foreign key "" (Account_ID) → accounts(Id); add index "orders_total"); its rows are copied
ALTER TABLE orders RENAME TO _retort_old_orders;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER REFERENCES accounts (id), total INTEGER);

-- REVIEW: adds foreign key orders (Account_ID) -> accounts: fails if an existing row references no row of accounts (PRAGMA foreign_key_check)
INSERT INTO orders (id, account_id, total) SELECT id, account_id, total FROM _retort_old_orders;

DROP TABLE _retort_old_orders;

CREATE INDEX orders_total ON orders (total, account_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table accounts (SQLite cannot ALTER this: table definition; drop check constraint ""; drop column "note"; add check constraint ""); its rows are copied
ALTER TABLE accounts RENAME TO _retort_old_accounts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(50) NOT NULL, score INTEGER CHECK (score >= 0), UNIQUE (email));

-- REVIEW: drops column accounts.note and its data
-- REVIEW: adds check (Score >= 0) on accounts: fails if existing rows violate the check
INSERT INTO accounts (id, email, score) SELECT id, email, score FROM _retort_old_accounts;

DROP TABLE _retort_old_accounts;
