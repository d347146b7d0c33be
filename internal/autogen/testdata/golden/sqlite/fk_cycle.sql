-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER REFERENCES a (id));

CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, b_id INTEGER REFERENCES b (id));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table x (SQLite cannot ALTER this: add foreign key "" (y_id) → y(id); table definition); its rows are copied
ALTER TABLE x RENAME TO _retort_old_x;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER REFERENCES y (id));

-- REVIEW: adds foreign key x (y_id) -> y: fails if an existing row references no row of y (PRAGMA foreign_key_check)
INSERT INTO x (id, y_id) SELECT id, y_id FROM _retort_old_x;

DROP TABLE _retort_old_x;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table y (SQLite cannot ALTER this: add column "x_id"; add foreign key "" (x_id) → x(id); table definition); its rows are copied
ALTER TABLE y RENAME TO _retort_old_y;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY, x_id INTEGER REFERENCES x (id));

INSERT INTO y (id) SELECT id FROM _retort_old_y;

DROP TABLE _retort_old_y;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table y (SQLite cannot ALTER this: table definition; drop foreign key "" (x_id); drop column "x_id"); its rows are copied
ALTER TABLE y RENAME TO _retort_old_y;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE y (id INTEGER NOT NULL PRIMARY KEY);

-- REVIEW: drops column y.x_id and its data
INSERT INTO y (id) SELECT id FROM _retort_old_y;

DROP TABLE _retort_old_y;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table x (SQLite cannot ALTER this: table definition; drop foreign key "" (y_id)); its rows are copied
ALTER TABLE x RENAME TO _retort_old_x;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE x (id INTEGER NOT NULL PRIMARY KEY, y_id INTEGER);

INSERT INTO x (id, y_id) SELECT id, y_id FROM _retort_old_x;

DROP TABLE _retort_old_x;

-- REVIEW: drops table a and all its data
DROP TABLE a;

-- REVIEW: drops table b and all its data
DROP TABLE b;
