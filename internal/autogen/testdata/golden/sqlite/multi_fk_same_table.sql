-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

-- REVIEW: rebuilds table match_ (SQLite cannot ALTER this: drop foreign key "" (away_id); drop foreign key "" (team_id); add column "referee_id"; drop column "away_id"; add foreign key "" (referee_id) → person(id); add foreign key "" (team_id) → team(id); table definition); its rows are copied
ALTER TABLE match_ RENAME TO _retort_old_match_;

CREATE TABLE match_ (id INTEGER NOT NULL PRIMARY KEY, home_id INTEGER REFERENCES person (id), referee_id INTEGER REFERENCES person (id) ON DELETE SET NULL, team_id INTEGER REFERENCES team (id));

INSERT INTO match_ (id, home_id, team_id) SELECT id, home_id, team_id FROM _retort_old_match_;

DROP TABLE _retort_old_match_;

-- REVIEW: drops table legacy_team and all its data
DROP TABLE legacy_team;

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

CREATE TABLE legacy_team (id INTEGER NOT NULL PRIMARY KEY);

-- REVIEW: rebuilds table match_ (SQLite cannot ALTER this: table definition; drop foreign key "" (team_id); drop foreign key "" (referee_id); add column "away_id"; drop column "referee_id"; add foreign key "" (team_id) → legacy_team(id); add foreign key "" (away_id) → person(id)); its rows are copied
ALTER TABLE match_ RENAME TO _retort_old_match_;

CREATE TABLE match_ (id INTEGER NOT NULL PRIMARY KEY, home_id INTEGER REFERENCES person (id), away_id INTEGER REFERENCES person (id), team_id INTEGER REFERENCES legacy_team (id));

INSERT INTO match_ (id, home_id, team_id) SELECT id, home_id, team_id FROM _retort_old_match_;

DROP TABLE _retort_old_match_;

-- REVIEW: drops table team and all its data
DROP TABLE team;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
