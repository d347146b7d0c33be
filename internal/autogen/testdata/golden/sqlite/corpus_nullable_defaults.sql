-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: modify column "status": set NOT NULL, default (none) → 'new'; modify column "score": drop NOT NULL, default 0 → (none); modify column "nick": drop NOT NULL, default (none) → 'anon'; table definition); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, status VARCHAR(10) NOT NULL DEFAULT 'new', score INTEGER, nick VARCHAR(20) DEFAULT 'anon');

-- REVIEW: fails if users.status holds NULLs
INSERT INTO users (id, status, score, nick) SELECT id, status, score, nick FROM _retort_old_users;

DROP TABLE _retort_old_users;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; modify column "nick": set NOT NULL, default 'anon' → (none); modify column "score": set NOT NULL, default (none) → 0; modify column "status": drop NOT NULL, default 'new' → (none)); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, status VARCHAR(10), score INTEGER NOT NULL DEFAULT 0, nick VARCHAR(20) NOT NULL);

-- REVIEW: fails if users.nick holds NULLs
-- REVIEW: fails if users.score holds NULLs
INSERT INTO users (id, status, score, nick) SELECT id, status, score, nick FROM _retort_old_users;

DROP TABLE _retort_old_users;
