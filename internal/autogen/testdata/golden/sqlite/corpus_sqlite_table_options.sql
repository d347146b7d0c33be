-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table counters (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE counters RENAME TO _retort_old_counters;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER);

INSERT INTO counters (id, n) SELECT id, n FROM _retort_old_counters;

DROP TABLE _retort_old_counters;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v TEXT) WITHOUT ROWID;

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pairs (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE pairs RENAME TO _retort_old_pairs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) STRICT;

-- REVIEW: makes pairs STRICT: fails if existing values do not fit their columns' types
INSERT INTO pairs (a, b) SELECT a, b FROM _retort_old_pairs;

DROP TABLE _retort_old_pairs;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pairs (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE pairs RENAME TO _retort_old_pairs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;

INSERT INTO pairs (a, b) SELECT a, b FROM _retort_old_pairs;

DROP TABLE _retort_old_pairs;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kv (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE kv RENAME TO _retort_old_kv;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v TEXT);

INSERT INTO kv (k, v) SELECT k, v FROM _retort_old_kv;

DROP TABLE _retort_old_kv;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table counters (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE counters RENAME TO _retort_old_counters;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER) STRICT;

-- REVIEW: makes counters STRICT: fails if existing values do not fit their columns' types
INSERT INTO counters (id, n) SELECT id, n FROM _retort_old_counters;

DROP TABLE _retort_old_counters;
