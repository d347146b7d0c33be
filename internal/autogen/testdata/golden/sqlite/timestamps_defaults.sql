-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: add column "verified"; add column "created_at"; add column "updated_at"; add column "deleted_at"; modify column "active": default (none) → TRUE; add index "ix_users_live"; table definition); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    active BOOLEAN DEFAULT TRUE,
    verified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NULL DEFAULT NULL,
    deleted_at TIMESTAMP NULL
);

INSERT INTO users (id, email, active) SELECT id, email, active FROM _retort_old_users;

DROP TABLE _retort_old_users;

CREATE INDEX ix_users_live ON users (email, created_at);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; drop index "ix_users_live"; modify column "active": default TRUE → (none); drop column "deleted_at"; drop column "updated_at"; drop column "created_at"; drop column "verified"); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, active BOOLEAN);

-- REVIEW: drops column users.deleted_at and its data
-- REVIEW: drops column users.updated_at and its data
-- REVIEW: drops column users.created_at and its data
-- REVIEW: drops column users.verified and its data
INSERT INTO users (id, email, active) SELECT id, email, active FROM _retort_old_users;

DROP TABLE _retort_old_users;
