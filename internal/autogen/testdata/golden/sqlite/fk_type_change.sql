-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: modify column "parent_id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id BIGINT, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));

INSERT INTO child (id, parent_id) SELECT id, parent_id FROM _retort_old_child;

DROP TABLE _retort_old_child;

CREATE INDEX ix_child_parent ON child (parent_id);

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: modify column "id": type INTEGER → BIGINT; table definition); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

CREATE TABLE parent (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(10));

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

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

-- REVIEW: rebuilds table parent (SQLite cannot ALTER this: table definition; modify column "id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE parent RENAME TO _retort_old_parent;

CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(10));

INSERT INTO parent (id, name) SELECT id, name FROM _retort_old_parent;

DROP TABLE _retort_old_parent;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: table definition; modify column "parent_id": type BIGINT → INTEGER); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));

INSERT INTO child (id, parent_id) SELECT id, parent_id FROM _retort_old_child;

DROP TABLE _retort_old_child;

CREATE INDEX ix_child_parent ON child (parent_id);

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
