-- upgrade
CREATE TABLE invites (
    id integer NOT NULL,
    team_id integer NOT NULL,
    email character varying(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT invites_team_email UNIQUE (team_id, email)
);

CREATE TABLE profiles (
    user_id integer NOT NULL,
    avatar character varying(100),
    PRIMARY KEY (user_id),
    CONSTRAINT profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

ALTER TABLE teams ALTER COLUMN name TYPE character varying(40);

-- REVIEW: fails if teams.name holds NULLs
ALTER TABLE teams ALTER COLUMN name SET NOT NULL;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE teams ADD CONSTRAINT teams_name UNIQUE (name);

ALTER TABLE users ADD COLUMN team_id integer;

-- REVIEW: drops column users.avatar and its data
ALTER TABLE users DROP COLUMN avatar;

CREATE INDEX users_team ON users (team_id);

ALTER TABLE users ADD CONSTRAINT users_team FOREIGN KEY (team_id) REFERENCES teams (id);

ALTER TABLE invites ADD CONSTRAINT invites_team FOREIGN KEY (team_id) REFERENCES teams (id);

-- REVIEW: drops table old_flags and all its data
DROP TABLE old_flags;

-- downgrade
CREATE TABLE old_flags (
    flag character varying(10),
    id integer NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE invites DROP CONSTRAINT invites_team;

ALTER TABLE users DROP CONSTRAINT users_team;

DROP INDEX users_team;

ALTER TABLE users ADD COLUMN avatar character varying(100);

-- REVIEW: drops column users.team_id and its data
ALTER TABLE users DROP COLUMN team_id;

ALTER TABLE teams DROP CONSTRAINT teams_name;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM teams WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(20)) AS character varying(40)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: teams.name holds values that character varying(20) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of teams.name from character varying(40) to character varying(20): strings longer than 20 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE teams ALTER COLUMN name TYPE character varying(20);

ALTER TABLE teams ALTER COLUMN name DROP NOT NULL;

-- REVIEW: drops table profiles and all its data
DROP TABLE profiles;

-- REVIEW: drops table invites and all its data
DROP TABLE invites;
