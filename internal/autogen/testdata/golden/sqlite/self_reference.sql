-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE category (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES category (id));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: add foreign key "fk_node_parent" (parent_id) → node(id); table definition); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE node (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, CONSTRAINT fk_node_parent FOREIGN KEY (parent_id) REFERENCES node (id));

-- REVIEW: adds foreign key node (parent_id) -> node: fails if an existing row references no row of node (PRAGMA foreign_key_check)
INSERT INTO node (id, parent_id) SELECT id, parent_id FROM _retort_old_node;

DROP TABLE _retort_old_node;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: table definition; drop foreign key "fk_node_parent" (parent_id)); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE node (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER);

INSERT INTO node (id, parent_id) SELECT id, parent_id FROM _retort_old_node;

DROP TABLE _retort_old_node;

-- REVIEW: drops table category and all its data
DROP TABLE category;
