-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table players (SQLite cannot ALTER this: add column "captain_of"; add index "players_team_id"; add foreign key "players_captain" (captain_of) → teams(id); add foreign key "players_team" (team_id) → teams(id); table definition); its rows are copied
ALTER TABLE players RENAME TO _retort_old_players;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE players (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER, name VARCHAR(20), captain_of INTEGER,
  CONSTRAINT players_team FOREIGN KEY (team_id) REFERENCES teams (id),
  CONSTRAINT players_captain FOREIGN KEY (captain_of) REFERENCES teams (id) ON DELETE SET NULL);

-- REVIEW: adds foreign key players (team_id) -> teams: fails if an existing row references no row of teams (PRAGMA foreign_key_check)
INSERT INTO players (id, team_id, name) SELECT id, team_id, name FROM _retort_old_players;

DROP TABLE _retort_old_players;

CREATE INDEX players_team_id ON players (team_id);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table players (SQLite cannot ALTER this: table definition; drop foreign key "players_team" (team_id); drop foreign key "players_captain" (captain_of); drop index "players_team_id"; drop column "captain_of"); its rows are copied
ALTER TABLE players RENAME TO _retort_old_players;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE players (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER, name VARCHAR(20));

-- REVIEW: drops column players.captain_of and its data
INSERT INTO players (id, team_id, name) SELECT id, team_id, name FROM _retort_old_players;

DROP TABLE _retort_old_players;
