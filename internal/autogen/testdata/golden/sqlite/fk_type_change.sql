-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: modify column "parent_id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id BIGINT, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));

INSERT INTO child (id, parent_id) SELECT id, parent_id FROM _retort_old_child;

DROP TABLE _retort_old_child;

CREATE INDEX ix_child_parent ON child (parent_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: modify column "id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE parent (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(10));

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: table definition; modify column "id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(10));

-- REVIEW: changes the type of parent.id from BIGINT to INTEGER: fails if it holds values that are not integers (the column becomes the rowid)
INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: table definition; modify column "parent_id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));

INSERT INTO child (id, parent_id) SELECT id, parent_id FROM _retort_old_child;

DROP TABLE _retort_old_child;

CREATE INDEX ix_child_parent ON child (parent_id);
