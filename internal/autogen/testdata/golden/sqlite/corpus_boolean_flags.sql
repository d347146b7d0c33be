-- upgrade
-- REVIEW: likely rename: column features.legacy is dropped (with its data) and features.beta added with the same type. If it is a rename, generate again with --rename features.legacy=beta

-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table features (SQLite cannot ALTER this: add column "beta"; modify column "enabled": set NOT NULL, default (none) → 1; drop column "legacy"; table definition); its rows are copied
ALTER TABLE features RENAME TO _retort_old_features;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE features (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), enabled BOOLEAN NOT NULL DEFAULT 1, beta BOOLEAN NOT NULL DEFAULT 0);

-- REVIEW: fails if features.enabled holds NULLs
-- REVIEW: drops column features.legacy and its data
INSERT INTO features (id, name, enabled) SELECT id, name, enabled FROM _retort_old_features;

DROP TABLE _retort_old_features;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table features (SQLite cannot ALTER this: table definition; add column "legacy"; modify column "enabled": drop NOT NULL, default 1 → (none); drop column "beta"); its rows are copied
ALTER TABLE features RENAME TO _retort_old_features;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE features (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), enabled BOOLEAN, legacy BOOLEAN DEFAULT 0);

-- REVIEW: drops column features.beta and its data
INSERT INTO features (id, name, enabled) SELECT id, name, enabled FROM _retort_old_features;

DROP TABLE _retort_old_features;
