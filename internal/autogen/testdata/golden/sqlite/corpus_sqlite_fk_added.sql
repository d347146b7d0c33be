-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table toys (SQLite cannot ALTER this: drop index "toys_color"; add column "owner_cat"; drop column "color"; add foreign key "" (cat_id) → cats(id); add foreign key "" (owner_cat) → cats(id); table definition); its rows are copied
ALTER TABLE toys RENAME TO _retort_old_toys;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE toys (id INTEGER PRIMARY KEY, cat_id INTEGER REFERENCES cats (id) ON DELETE CASCADE, owner_cat INTEGER REFERENCES cats (id));

-- REVIEW: drops column toys.color and its data
-- REVIEW: adds foreign key toys (cat_id) -> cats: fails if an existing row references no row of cats (PRAGMA foreign_key_check)
INSERT INTO toys (id, cat_id) SELECT id, cat_id FROM _retort_old_toys;

DROP TABLE _retort_old_toys;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table toys (SQLite cannot ALTER this: table definition; drop foreign key "" (owner_cat); drop foreign key "" (cat_id); add column "color"; drop column "owner_cat"; add index "toys_color"); its rows are copied
ALTER TABLE toys RENAME TO _retort_old_toys;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE toys (id INTEGER PRIMARY KEY, cat_id INTEGER, color TEXT);

-- REVIEW: drops column toys.owner_cat and its data
INSERT INTO toys (id, cat_id) SELECT id, cat_id FROM _retort_old_toys;

DROP TABLE _retort_old_toys;

CREATE INDEX toys_color ON toys (color);
