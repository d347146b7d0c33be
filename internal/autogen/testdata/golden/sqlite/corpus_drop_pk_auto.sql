-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table nokey (SQLite cannot ALTER this: add primary key (a); table definition); its rows are copied
ALTER TABLE nokey RENAME TO _retort_old_nokey;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE nokey (a INTEGER NOT NULL PRIMARY KEY, b INTEGER);

-- REVIEW: adds primary key (a) on nokey: fails if existing rows hold duplicates
INSERT INTO nokey (a, b) SELECT a, b FROM _retort_old_nokey;

DROP TABLE _retort_old_nokey;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order_lines (SQLite cannot ALTER this: drop primary key (id); add primary key (order_id, line_no); table definition); its rows are copied
ALTER TABLE order_lines RENAME TO _retort_old_order_lines;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE order_lines (id INTEGER NOT NULL, order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, qty INTEGER, PRIMARY KEY (order_id, line_no));

-- REVIEW: adds primary key (order_id, line_no) on order_lines: fails if existing rows hold duplicates
INSERT INTO order_lines (id, order_id, line_no, qty) SELECT id, order_id, line_no, qty FROM _retort_old_order_lines;

DROP TABLE _retort_old_order_lines;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table order_lines (SQLite cannot ALTER this: table definition; drop primary key (order_id, line_no); add primary key (id)); its rows are copied
ALTER TABLE order_lines RENAME TO _retort_old_order_lines;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE order_lines (id INTEGER NOT NULL PRIMARY KEY, order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, qty INTEGER);

-- REVIEW: adds primary key (id) on order_lines: fails if existing rows hold duplicates
INSERT INTO order_lines (id, order_id, line_no, qty) SELECT id, order_id, line_no, qty FROM _retort_old_order_lines;

DROP TABLE _retort_old_order_lines;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table nokey (SQLite cannot ALTER this: table definition; drop primary key (a)); its rows are copied
ALTER TABLE nokey RENAME TO _retort_old_nokey;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE nokey (a INTEGER NOT NULL, b INTEGER);

INSERT INTO nokey (a, b) SELECT a, b FROM _retort_old_nokey;

DROP TABLE _retort_old_nokey;
