-- upgrade
ALTER TABLE items ADD COLUMN price NUMERIC(10,2);

ALTER TABLE items ADD COLUMN qty INTEGER NOT NULL DEFAULT 0;

ALTER TABLE items ADD COLUMN note VARCHAR(20) DEFAULT 'none';

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table items (SQLite cannot ALTER this: table definition; drop column "note"; drop column "qty"; drop column "price"); its rows are copied
ALTER TABLE items RENAME TO _retort_old_items;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE items (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(50) NOT NULL
);

-- REVIEW: drops column items.note and its data
-- REVIEW: drops column items.qty and its data
-- REVIEW: drops column items.price and its data
INSERT INTO items (id, name) SELECT id, name FROM _retort_old_items;

DROP TABLE _retort_old_items;
