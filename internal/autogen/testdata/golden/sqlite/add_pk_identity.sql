-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: add column "id"; add primary key (id); table definition); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, msg VARCHAR(100));

INSERT INTO log (msg) SELECT msg FROM _retort_old_log;

DROP TABLE _retort_old_log;

-- REVIEW: rebuilds table tmp (SQLite cannot ALTER this: drop primary key (id); table definition); its rows are copied
ALTER TABLE tmp RENAME TO _retort_old_tmp;

CREATE TABLE tmp (id INTEGER NOT NULL, v INTEGER);

INSERT INTO tmp (id, v) SELECT id, v FROM _retort_old_tmp;

DROP TABLE _retort_old_tmp;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table tmp (SQLite cannot ALTER this: table definition; add primary key (id)); its rows are copied
ALTER TABLE tmp RENAME TO _retort_old_tmp;

CREATE TABLE tmp (id INTEGER NOT NULL PRIMARY KEY, v INTEGER);

INSERT INTO tmp (id, v) SELECT id, v FROM _retort_old_tmp;

DROP TABLE _retort_old_tmp;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: table definition; drop primary key (id); drop column "id"); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

CREATE TABLE log (msg VARCHAR(100));

INSERT INTO log (msg) SELECT msg FROM _retort_old_log;

DROP TABLE _retort_old_log;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
