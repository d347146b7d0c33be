-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table nodes (SQLite cannot ALTER this: drop foreign key "nodes_sibling" (sibling_id); drop column "depth"; add foreign key "nodes_parent" (parent_id) → nodes(id); add foreign key "nodes_sibling" (sibling_id) → nodes(id); table definition); its rows are copied
ALTER TABLE nodes RENAME TO _retort_old_nodes;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE nodes (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, sibling_id INTEGER,
  CONSTRAINT nodes_parent FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE,
  CONSTRAINT nodes_sibling FOREIGN KEY (sibling_id) REFERENCES nodes (id) ON DELETE SET NULL);

-- REVIEW: drops column nodes.depth and its data
-- REVIEW: adds foreign key nodes (parent_id) -> nodes: fails if an existing row references no row of nodes (PRAGMA foreign_key_check)
-- REVIEW: adds foreign key nodes (sibling_id) -> nodes: fails if an existing row references no row of nodes (PRAGMA foreign_key_check)
INSERT INTO nodes (id, parent_id, sibling_id) SELECT id, parent_id, sibling_id FROM _retort_old_nodes;

DROP TABLE _retort_old_nodes;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table nodes (SQLite cannot ALTER this: table definition; drop foreign key "nodes_sibling" (sibling_id); drop foreign key "nodes_parent" (parent_id); add column "depth"; add foreign key "nodes_sibling" (sibling_id) → nodes(id)); its rows are copied
ALTER TABLE nodes RENAME TO _retort_old_nodes;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE nodes (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, sibling_id INTEGER, depth INTEGER,
  CONSTRAINT nodes_sibling FOREIGN KEY (sibling_id) REFERENCES nodes (id));

-- REVIEW: adds foreign key nodes (sibling_id) -> nodes: fails if an existing row references no row of nodes (PRAGMA foreign_key_check)
INSERT INTO nodes (id, parent_id, sibling_id) SELECT id, parent_id, sibling_id FROM _retort_old_nodes;

DROP TABLE _retort_old_nodes;
