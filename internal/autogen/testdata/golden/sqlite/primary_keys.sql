-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t1 (SQLite cannot ALTER this: add primary key (a); table definition); its rows are copied
ALTER TABLE t1 RENAME TO _retort_old_t1;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t1 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

-- REVIEW: adds primary key (a) on t1: fails if existing rows hold duplicates
INSERT INTO t1 (a, b) SELECT a, b FROM _retort_old_t1;

DROP TABLE _retort_old_t1;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t2 (SQLite cannot ALTER this: drop primary key (a); add primary key (a, b); table definition); its rows are copied
ALTER TABLE t2 RENAME TO _retort_old_t2;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t2 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b));

-- REVIEW: adds primary key (a, b) on t2: fails if existing rows hold duplicates
INSERT INTO t2 (a, b) SELECT a, b FROM _retort_old_t2;

DROP TABLE _retort_old_t2;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t2 (SQLite cannot ALTER this: table definition; drop primary key (a, b); add primary key (a)); its rows are copied
ALTER TABLE t2 RENAME TO _retort_old_t2;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t2 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a));

-- REVIEW: adds primary key (a) on t2: fails if existing rows hold duplicates
INSERT INTO t2 (a, b) SELECT a, b FROM _retort_old_t2;

DROP TABLE _retort_old_t2;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t1 (SQLite cannot ALTER this: table definition; drop primary key (a)); its rows are copied
ALTER TABLE t1 RENAME TO _retort_old_t1;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t1 (a INTEGER NOT NULL, b INTEGER NOT NULL);

INSERT INTO t1 (a, b) SELECT a, b FROM _retort_old_t1;

DROP TABLE _retort_old_t1;
