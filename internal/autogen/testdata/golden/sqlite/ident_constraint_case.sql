-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: drop foreign key "child_parent" (parent_id); rename unique constraint "child_code" to "Child_Code"; rename check constraint "child_n" to "CHILD_N"; add foreign key "Child_Parent" (parent_id) → parent(id)); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, n INTEGER, code VARCHAR(10),
  CONSTRAINT Child_Parent FOREIGN KEY (parent_id) REFERENCES parent (id),
  CONSTRAINT CHILD_N CHECK (n > 0),
  CONSTRAINT Child_Code UNIQUE (code));

-- REVIEW: adds foreign key child (parent_id) -> parent: fails if an existing row references no row of parent (PRAGMA foreign_key_check)
INSERT INTO child (id, parent_id, n, code) SELECT id, parent_id, n, code FROM _retort_old_child;

DROP TABLE _retort_old_child;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: drop foreign key "Child_Parent" (parent_id); rename check constraint "CHILD_N" to "child_n"; rename unique constraint "Child_Code" to "child_code"; add foreign key "child_parent" (parent_id) → parent(id)); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, n INTEGER, code VARCHAR(10),
  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id),
  CONSTRAINT child_n CHECK (n > 0),
  CONSTRAINT child_code UNIQUE (code));

-- REVIEW: adds foreign key child (parent_id) -> parent: fails if an existing row references no row of parent (PRAGMA foreign_key_check)
INSERT INTO child (id, parent_id, n, code) SELECT id, parent_id, n, code FROM _retort_old_child;

DROP TABLE _retort_old_child;
