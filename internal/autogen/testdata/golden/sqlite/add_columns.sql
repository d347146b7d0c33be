-- upgrade
ALTER TABLE items ADD COLUMN price NUMERIC(10,2);

ALTER TABLE items ADD COLUMN qty INTEGER NOT NULL DEFAULT 0;

ALTER TABLE items ADD COLUMN note VARCHAR(20) DEFAULT 'none';

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table items (SQLite cannot ALTER this: table definition; drop column "note"; drop column "qty"; drop column "price"); its rows are copied
ALTER TABLE items RENAME TO _retort_old_items;

CREATE TABLE items (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(50) NOT NULL
);

INSERT INTO items (id, name) SELECT id, name FROM _retort_old_items;

DROP TABLE _retort_old_items;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
