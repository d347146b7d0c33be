-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER REFERENCES a (id));

CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, b_id INTEGER REFERENCES b (id));

-- REVIEW: rebuilds table x (SQLite cannot ALTER this: add foreign key "" (y_id) → y(id); table definition); its rows are copied
ALTER TABLE x RENAME TO _retort_old_x;

CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER REFERENCES y (id));

INSERT INTO x (id, y_id) SELECT id, y_id FROM _retort_old_x;

DROP TABLE _retort_old_x;

-- REVIEW: rebuilds table y (SQLite cannot ALTER this: add column "x_id"; add foreign key "" (x_id) → x(id); table definition); its rows are copied
ALTER TABLE y RENAME TO _retort_old_y;

CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY, x_id INTEGER REFERENCES x (id));

INSERT INTO y (id) SELECT id FROM _retort_old_y;

DROP TABLE _retort_old_y;

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

-- REVIEW: rebuilds table y (SQLite cannot ALTER this: table definition; drop foreign key "" (x_id); drop column "x_id"); its rows are copied
ALTER TABLE y RENAME TO _retort_old_y;

CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY);

INSERT INTO y (id) SELECT id FROM _retort_old_y;

DROP TABLE _retort_old_y;

-- REVIEW: rebuilds table x (SQLite cannot ALTER this: table definition; drop foreign key "" (y_id)); its rows are copied
ALTER TABLE x RENAME TO _retort_old_x;

CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER);

INSERT INTO x (id, y_id) SELECT id, y_id FROM _retort_old_x;

DROP TABLE _retort_old_x;

-- REVIEW: drops table a and all its data
DROP TABLE a;

-- REVIEW: drops table b and all its data
DROP TABLE b;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
