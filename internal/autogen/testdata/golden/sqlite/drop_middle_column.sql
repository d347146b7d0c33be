-- upgrade
-- REVIEW: drops column people.nickname and its data
ALTER TABLE people DROP COLUMN nickname;

-- REVIEW: drops column people.age and its data
ALTER TABLE people DROP COLUMN age;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table people (SQLite cannot ALTER this: table definition; add column "age"; add column "nickname"); its rows are copied
ALTER TABLE people RENAME TO _retort_old_people;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE people (
    id INTEGER NOT NULL PRIMARY KEY,
    nickname VARCHAR(30),
    email VARCHAR(100) NOT NULL,
    age INTEGER
);

INSERT INTO people (id, email) SELECT id, email FROM _retort_old_people;

DROP TABLE _retort_old_people;
