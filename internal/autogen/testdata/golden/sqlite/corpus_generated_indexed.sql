-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table people (SQLite cannot ALTER this: modify column "full_name": generation expression; add column "initials"; add index "people_initials"; table definition); its rows are copied
ALTER TABLE people RENAME TO _retort_old_people;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE people (id INTEGER NOT NULL PRIMARY KEY, first VARCHAR(20), last VARCHAR(20),
  full_name VARCHAR(41) GENERATED ALWAYS AS (last || ', ' || first) STORED,
  initials VARCHAR(2) GENERATED ALWAYS AS (substr(first, 1, 1) || substr(last, 1, 1)) STORED);

INSERT INTO people (id, "first", "last") SELECT id, "first", "last" FROM _retort_old_people;

DROP TABLE _retort_old_people;

CREATE INDEX people_full ON people (full_name);

CREATE INDEX people_initials ON people (initials);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table people (SQLite cannot ALTER this: table definition; drop index "people_initials"; drop column "initials"; modify column "full_name": generation expression); its rows are copied
ALTER TABLE people RENAME TO _retort_old_people;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE people (id INTEGER NOT NULL PRIMARY KEY, first VARCHAR(20), last VARCHAR(20),
  full_name VARCHAR(41) GENERATED ALWAYS AS (first || ' ' || last) STORED);

INSERT INTO people (id, "first", "last") SELECT id, "first", "last" FROM _retort_old_people;

DROP TABLE _retort_old_people;

CREATE INDEX people_full ON people (full_name);
