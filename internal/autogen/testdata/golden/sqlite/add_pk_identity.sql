-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: add column "id"; add primary key (id); table definition); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, msg VARCHAR(100));

INSERT INTO log (msg) SELECT msg FROM _retort_old_log;

DROP TABLE _retort_old_log;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tmp (SQLite cannot ALTER this: drop primary key (id); table definition); its rows are copied
ALTER TABLE tmp RENAME TO _retort_old_tmp;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tmp (id INTEGER NOT NULL, v INTEGER);

INSERT INTO tmp (id, v) SELECT id, v FROM _retort_old_tmp;

DROP TABLE _retort_old_tmp;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tmp (SQLite cannot ALTER this: table definition; add primary key (id)); its rows are copied
ALTER TABLE tmp RENAME TO _retort_old_tmp;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tmp (id INTEGER NOT NULL PRIMARY KEY, v INTEGER);

-- REVIEW: adds primary key (id) on tmp: fails if existing rows hold duplicates
INSERT INTO tmp (id, v) SELECT id, v FROM _retort_old_tmp;

DROP TABLE _retort_old_tmp;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: table definition; drop primary key (id); drop column "id"); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE log (msg VARCHAR(100));

-- REVIEW: drops column log.id and its data
INSERT INTO log (msg) SELECT msg FROM _retort_old_log;

DROP TABLE _retort_old_log;
