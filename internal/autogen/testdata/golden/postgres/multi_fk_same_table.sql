-- upgrade
-- REVIEW: likely rename: column match_.away_id is dropped (with its data) and match_.referee_id added with the same type. If it is a rename, generate again with --rename match_.away_id=referee_id

ALTER TABLE match_ DROP CONSTRAINT match__away_id_fkey;

ALTER TABLE match_ DROP CONSTRAINT match__team_id_fkey;

CREATE TABLE team (
    id integer NOT NULL,
    name character varying(20),
    PRIMARY KEY (id)
);

ALTER TABLE match_ ADD COLUMN referee_id integer;

-- REVIEW: drops column match_.away_id and its data
ALTER TABLE match_ DROP COLUMN away_id;

ALTER TABLE match_ ADD CONSTRAINT match__referee_id_fkey FOREIGN KEY (referee_id) REFERENCES person (id) ON DELETE SET NULL;

ALTER TABLE match_ ADD CONSTRAINT match__team_id_fkey FOREIGN KEY (team_id) REFERENCES team (id);

-- REVIEW: drops table legacy_team and all its data
DROP TABLE legacy_team;

-- downgrade
CREATE TABLE legacy_team (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE match_ DROP CONSTRAINT match__team_id_fkey;

ALTER TABLE match_ DROP CONSTRAINT match__referee_id_fkey;

ALTER TABLE match_ ADD COLUMN away_id integer;

-- REVIEW: drops column match_.referee_id and its data
ALTER TABLE match_ DROP COLUMN referee_id;

-- REVIEW: drops table team and all its data
DROP TABLE team;

ALTER TABLE match_ ADD CONSTRAINT match__team_id_fkey FOREIGN KEY (team_id) REFERENCES legacy_team (id);

ALTER TABLE match_ ADD CONSTRAINT match__away_id_fkey FOREIGN KEY (away_id) REFERENCES person (id);
