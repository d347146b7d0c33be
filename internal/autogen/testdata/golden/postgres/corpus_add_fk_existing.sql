-- upgrade
ALTER TABLE players ADD COLUMN captain_of integer;

CREATE INDEX players_team_id ON players (team_id);

ALTER TABLE players ADD CONSTRAINT players_captain FOREIGN KEY (captain_of) REFERENCES teams (id) ON DELETE SET NULL;

ALTER TABLE players ADD CONSTRAINT players_team FOREIGN KEY (team_id) REFERENCES teams (id);

-- downgrade
ALTER TABLE players DROP CONSTRAINT players_team;

ALTER TABLE players DROP CONSTRAINT players_captain;

DROP INDEX players_team_id;

-- REVIEW: drops column players.captain_of and its data
ALTER TABLE players DROP COLUMN captain_of;
