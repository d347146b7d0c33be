-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE category (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES category (id));

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: add foreign key "fk_node_parent" (parent_id) → node(id); table definition); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

CREATE TABLE node (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, CONSTRAINT fk_node_parent FOREIGN KEY (parent_id) REFERENCES node (id));

INSERT INTO node (id, parent_id) SELECT id, parent_id FROM _retort_old_node;

DROP TABLE _retort_old_node;

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

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: table definition; drop foreign key "fk_node_parent" (parent_id)); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

CREATE TABLE node (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER);

INSERT INTO node (id, parent_id) SELECT id, parent_id FROM _retort_old_node;

DROP TABLE _retort_old_node;

-- REVIEW: drops table category and all its data
DROP TABLE category;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
