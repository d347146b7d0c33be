-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table k (SQLite cannot ALTER this: drop primary key (a); add primary key (b, a); table definition); its rows are copied
ALTER TABLE k RENAME TO _retort_old_k;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE k (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (b, a));

-- REVIEW: adds primary key (b, a) on k: fails if existing rows hold duplicates
INSERT INTO k (a, b) SELECT a, b FROM _retort_old_k;

DROP TABLE _retort_old_k;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "id": drop NOT NULL, auto-increment; add primary key (id); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);

-- REVIEW: adds primary key (id) on t: fails if existing rows hold duplicates
INSERT INTO t (id, v) SELECT id, v FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop primary key (id); modify column "id": set NOT NULL, auto-increment); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER NOT NULL, v TEXT);

-- REVIEW: fails if t.id holds NULLs
INSERT INTO t (id, v) SELECT id, v FROM _retort_old_t;

DROP TABLE _retort_old_t;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table k (SQLite cannot ALTER this: table definition; drop primary key (b, a); add primary key (a)); its rows are copied
ALTER TABLE k RENAME TO _retort_old_k;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE k (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

-- REVIEW: adds primary key (a) on k: fails if existing rows hold duplicates
INSERT INTO k (a, b) SELECT a, b FROM _retort_old_k;

DROP TABLE _retort_old_k;
