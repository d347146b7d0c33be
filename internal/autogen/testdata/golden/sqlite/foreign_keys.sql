-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: drop foreign key "fk_child_parent" (parent_id); add foreign key "fk_child_code" (code) → parent(code); add foreign key "fk_child_parent" (parent_id) → parent(id); table definition); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

CREATE TABLE child (
    id INTEGER NOT NULL PRIMARY KEY,
    parent_id INTEGER,
    code VARCHAR(10),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
    CONSTRAINT fk_child_code FOREIGN KEY (code) REFERENCES parent (code) ON DELETE SET NULL
);

INSERT INTO child (id, parent_id, code) SELECT id, parent_id, code FROM _retort_old_child;

DROP TABLE _retort_old_child;

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

-- REVIEW: rebuilds table child (SQLite cannot ALTER this: table definition; drop foreign key "fk_child_parent" (parent_id); drop foreign key "fk_child_code" (code); add foreign key "fk_child_parent" (parent_id) → parent(id)); its rows are copied
ALTER TABLE child RENAME TO _retort_old_child;

CREATE TABLE child (
    id INTEGER NOT NULL PRIMARY KEY,
    parent_id INTEGER,
    code VARCHAR(10),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
);

INSERT INTO child (id, parent_id, code) SELECT id, parent_id, code FROM _retort_old_child;

DROP TABLE _retort_old_child;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
