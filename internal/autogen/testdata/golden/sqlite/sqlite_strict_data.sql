-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_child ON child (parent_id, v DESC);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v BLOB) WITHOUT ROWID;

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: modify column "name": set NOT NULL, default (none) → ''; drop column "old"; add check constraint ""; table definition); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '' CHECK (length(name) < 100));

-- REVIEW: fails if parent.name holds NULLs
-- REVIEW: drops column parent.old and its data
-- REVIEW: adds check (length(name) < 100) on parent: fails if existing rows violate the check
INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table st (SQLite cannot ALTER this: add column "r"; modify column "n": set NOT NULL, default (none) → 0; table definition); its rows are copied
ALTER TABLE st RENAME TO _retort_old_st;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE st (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, s TEXT, r REAL) STRICT;

-- REVIEW: fails if st.n holds NULLs
INSERT INTO st (id, n, s) SELECT id, n, s FROM _retort_old_st;

DROP TABLE _retort_old_st;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table st (SQLite cannot ALTER this: table definition; modify column "n": drop NOT NULL, default 0 → (none); drop column "r"); its rows are copied
ALTER TABLE st RENAME TO _retort_old_st;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE st (id INTEGER PRIMARY KEY, n INTEGER, s TEXT) STRICT;

-- REVIEW: drops column st.r and its data
INSERT INTO st (id, n, s) SELECT id, n, s FROM _retort_old_st;

DROP TABLE _retort_old_st;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: table definition; drop check constraint ""; add column "old"; modify column "name": drop NOT NULL, default '' → (none)); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT, old TEXT);

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v BLOB);

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

DROP INDEX uq_child;
