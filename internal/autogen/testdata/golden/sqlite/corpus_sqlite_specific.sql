-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "id": auto-increment; modify column "name": collation (none) → NOCASE; modify column "made": default (none) → datetime('now'); add index "t_email"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT COLLATE NOCASE, email TEXT, made TEXT DEFAULT (datetime('now')));

INSERT INTO t (id, name, email, made) SELECT id, name, email, made FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX t_email ON t (email) WHERE email IS NOT NULL;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop index "t_email"; modify column "made": default datetime('now') → (none); modify column "name": collation NOCASE → (none); modify column "id": auto-increment); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, email TEXT, made TEXT);

INSERT INTO t (id, name, email, made) SELECT id, name, email, made FROM _retort_old_t;

DROP TABLE _retort_old_t;
