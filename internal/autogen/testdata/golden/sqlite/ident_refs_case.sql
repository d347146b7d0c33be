-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

ALTER TABLE "Parents" ADD COLUMN born INTEGER;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kids (SQLite cannot ALTER this: drop foreign key "" (parent_id); add foreign key "" (parent_id) → PARENTS(ID)); its rows are copied
ALTER TABLE kids RENAME TO _retort_old_kids;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kids (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES PARENTS (ID));

-- REVIEW: adds foreign key kids (parent_id) -> PARENTS: fails if an existing row references no row of PARENTS (PRAGMA foreign_key_check)
INSERT INTO kids (id, parent_id) SELECT id, parent_id FROM _retort_old_kids;

DROP TABLE _retort_old_kids;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table kids (SQLite cannot ALTER this: drop foreign key "" (parent_id); add foreign key "" (parent_id) → Parents(Id)); its rows are copied
ALTER TABLE kids RENAME TO _retort_old_kids;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE kids (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES Parents (Id));

-- REVIEW: adds foreign key kids (parent_id) -> Parents: fails if an existing row references no row of Parents (PRAGMA foreign_key_check)
INSERT INTO kids (id, parent_id) SELECT id, parent_id FROM _retort_old_kids;

DROP TABLE _retort_old_kids;

-- REVIEW: drops column Parents.born and its data
ALTER TABLE "Parents" DROP COLUMN born;
