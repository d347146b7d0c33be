-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table a (SQLite cannot ALTER this: drop unique constraint "a_z"; drop index "a_x"; drop index "a_xy"; table definition); its rows are copied
ALTER TABLE a RENAME TO _retort_old_a;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, x INTEGER, y INTEGER, z VARCHAR(10));

INSERT INTO a (id, x, y, z) SELECT id, x, y, z FROM _retort_old_a;

DROP TABLE _retort_old_a;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table b (SQLite cannot ALTER this: add unique constraint "b_z" (z); add index "b_x"; add index "b_yx"; table definition); its rows are copied
ALTER TABLE b RENAME TO _retort_old_b;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, x INTEGER, y INTEGER, z VARCHAR(10), CONSTRAINT b_z UNIQUE (z));

-- REVIEW: adds unique (z) on b: fails if existing rows hold duplicates
INSERT INTO b (id, x, y, z) SELECT id, x, y, z FROM _retort_old_b;

DROP TABLE _retort_old_b;

CREATE INDEX b_x ON b (x);

CREATE INDEX b_yx ON b (y, x);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table b (SQLite cannot ALTER this: table definition; drop index "b_yx"; drop index "b_x"; drop unique constraint "b_z"); its rows are copied
ALTER TABLE b RENAME TO _retort_old_b;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, x INTEGER, y INTEGER, z VARCHAR(10));

INSERT INTO b (id, x, y, z) SELECT id, x, y, z FROM _retort_old_b;

DROP TABLE _retort_old_b;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table a (SQLite cannot ALTER this: table definition; add index "a_xy"; add index "a_x"; add unique constraint "a_z" (z)); its rows are copied
ALTER TABLE a RENAME TO _retort_old_a;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, x INTEGER, y INTEGER, z VARCHAR(10), CONSTRAINT a_z UNIQUE (z));

-- REVIEW: adds unique (z) on a: fails if existing rows hold duplicates
INSERT INTO a (id, x, y, z) SELECT id, x, y, z FROM _retort_old_a;

DROP TABLE _retort_old_a;

CREATE INDEX a_x ON a (x);

CREATE INDEX a_xy ON a (x, y);
