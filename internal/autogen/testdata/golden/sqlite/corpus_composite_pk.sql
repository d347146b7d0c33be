-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table memberships (SQLite cannot ALTER this: drop primary key (user_id, group_id); add primary key (user_id, group_id, role); table definition); its rows are copied
ALTER TABLE memberships RENAME TO _retort_old_memberships;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE memberships (user_id INTEGER NOT NULL, group_id INTEGER NOT NULL, role VARCHAR(10) NOT NULL, PRIMARY KEY (user_id, group_id, role));

-- REVIEW: adds primary key (user_id, group_id, role) on memberships: fails if existing rows hold duplicates
INSERT INTO memberships (user_id, group_id, role) SELECT user_id, group_id, role FROM _retort_old_memberships;

DROP TABLE _retort_old_memberships;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table prices (SQLite cannot ALTER this: drop primary key (sku, region); add primary key (sku, currency); table definition); its rows are copied
ALTER TABLE prices RENAME TO _retort_old_prices;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE prices (sku VARCHAR(10) NOT NULL, region VARCHAR(5) NOT NULL, currency VARCHAR(3) NOT NULL, amount INTEGER, PRIMARY KEY (sku, currency));

-- REVIEW: adds primary key (sku, currency) on prices: fails if existing rows hold duplicates
INSERT INTO prices (sku, region, currency, amount) SELECT sku, region, currency, amount FROM _retort_old_prices;

DROP TABLE _retort_old_prices;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tags (SQLite cannot ALTER this: drop primary key (item, tag); add primary key (id); table definition); its rows are copied
ALTER TABLE tags RENAME TO _retort_old_tags;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tags (item INTEGER NOT NULL, tag VARCHAR(10) NOT NULL, id INTEGER NOT NULL PRIMARY KEY);

-- REVIEW: adds primary key (id) on tags: fails if existing rows hold duplicates
INSERT INTO tags (item, tag, id) SELECT item, tag, id FROM _retort_old_tags;

DROP TABLE _retort_old_tags;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tags (SQLite cannot ALTER this: table definition; drop primary key (id); add primary key (item, tag)); its rows are copied
ALTER TABLE tags RENAME TO _retort_old_tags;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tags (item INTEGER NOT NULL, tag VARCHAR(10) NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (item, tag));

-- REVIEW: adds primary key (item, tag) on tags: fails if existing rows hold duplicates
INSERT INTO tags (item, tag, id) SELECT item, tag, id FROM _retort_old_tags;

DROP TABLE _retort_old_tags;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table prices (SQLite cannot ALTER this: table definition; drop primary key (sku, currency); add primary key (sku, region)); its rows are copied
ALTER TABLE prices RENAME TO _retort_old_prices;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE prices (sku VARCHAR(10) NOT NULL, region VARCHAR(5) NOT NULL, currency VARCHAR(3) NOT NULL, amount INTEGER, PRIMARY KEY (sku, region));

-- REVIEW: adds primary key (sku, region) on prices: fails if existing rows hold duplicates
INSERT INTO prices (sku, region, currency, amount) SELECT sku, region, currency, amount FROM _retort_old_prices;

DROP TABLE _retort_old_prices;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table memberships (SQLite cannot ALTER this: table definition; drop primary key (user_id, group_id, role); add primary key (user_id, group_id)); its rows are copied
ALTER TABLE memberships RENAME TO _retort_old_memberships;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE memberships (user_id INTEGER NOT NULL, group_id INTEGER NOT NULL, role VARCHAR(10) NOT NULL, PRIMARY KEY (user_id, group_id));

-- REVIEW: adds primary key (user_id, group_id) on memberships: fails if existing rows hold duplicates
INSERT INTO memberships (user_id, group_id, role) SELECT user_id, group_id, role FROM _retort_old_memberships;

DROP TABLE _retort_old_memberships;
