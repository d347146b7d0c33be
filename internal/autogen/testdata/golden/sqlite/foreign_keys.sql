-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: drop foreign key "fk_child_parent" (parent_id); add foreign key "fk_child_code" (code) → parent(code); add foreign key "fk_child_parent" (parent_id) → parent(id); table definition); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (
    id INTEGER NOT NULL PRIMARY KEY,
    parent_id INTEGER,
    code VARCHAR(10),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT fk_child_code FOREIGN KEY (code) REFERENCES parent (code) ON DELETE SET NULL
);

-- REVIEW: adds foreign key child (code) -> parent: fails if an existing row references no row of parent (PRAGMA foreign_key_check)
-- REVIEW: adds foreign key child (parent_id) -> parent: fails if an existing row references no row of parent (PRAGMA foreign_key_check)
INSERT INTO child (id, parent_id, code) SELECT id, parent_id, code FROM _retort_old_child;

DROP TABLE _retort_old_child;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: table definition; drop foreign key "fk_child_parent" (parent_id); drop foreign key "fk_child_code" (code); add foreign key "fk_child_parent" (parent_id) → parent(id)); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (
    id INTEGER NOT NULL PRIMARY KEY,
    parent_id INTEGER,
    code VARCHAR(10),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
);

-- REVIEW: adds foreign key child (parent_id) -> parent: fails if an existing row references no row of parent (PRAGMA foreign_key_check)
INSERT INTO child (id, parent_id, code) SELECT id, parent_id, code FROM _retort_old_child;

DROP TABLE _retort_old_child;
