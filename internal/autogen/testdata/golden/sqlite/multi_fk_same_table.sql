-- upgrade
-- REVIEW: likely rename: column match_.away_id is dropped (with its data) and match_.referee_id added with the same type. If it is a rename, generate again with --rename match_.away_id=referee_id

-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table match_ (SQLite cannot ALTER this: drop foreign key "" (away_id); drop foreign key "" (team_id); add column "referee_id"; drop column "away_id"; add foreign key "" (referee_id) → person(id); add foreign key "" (team_id) → team(id); table definition); its rows are copied
ALTER TABLE match_ RENAME TO _retort_old_match_;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE match_ (id INTEGER NOT NULL PRIMARY KEY, home_id INTEGER REFERENCES person (id), referee_id INTEGER REFERENCES person (id) ON DELETE SET NULL, team_id INTEGER REFERENCES team (id));

-- REVIEW: drops column match_.away_id and its data
-- REVIEW: adds foreign key match_ (team_id) -> team: fails if an existing row references no row of team (PRAGMA foreign_key_check)
INSERT INTO match_ (id, home_id, team_id) SELECT id, home_id, team_id FROM _retort_old_match_;

DROP TABLE _retort_old_match_;

-- REVIEW: drops table legacy_team and all its data
DROP TABLE legacy_team;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE legacy_team (id INTEGER NOT NULL PRIMARY KEY);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table match_ (SQLite cannot ALTER this: table definition; drop foreign key "" (team_id); drop foreign key "" (referee_id); add column "away_id"; drop column "referee_id"; add foreign key "" (team_id) → legacy_team(id); add foreign key "" (away_id) → person(id)); its rows are copied
ALTER TABLE match_ RENAME TO _retort_old_match_;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE match_ (id INTEGER NOT NULL PRIMARY KEY, home_id INTEGER REFERENCES person (id), away_id INTEGER REFERENCES person (id), team_id INTEGER REFERENCES legacy_team (id));

-- REVIEW: drops column match_.referee_id and its data
-- REVIEW: adds foreign key match_ (team_id) -> legacy_team: fails if an existing row references no row of legacy_team (PRAGMA foreign_key_check)
INSERT INTO match_ (id, home_id, team_id) SELECT id, home_id, team_id FROM _retort_old_match_;

DROP TABLE _retort_old_match_;

-- REVIEW: drops table team and all its data
DROP TABLE team;
