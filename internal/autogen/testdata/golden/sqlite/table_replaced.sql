-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);

CREATE TABLE member_team (id INTEGER NOT NULL PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES member (id), team_id INTEGER NOT NULL REFERENCES team (id), UNIQUE (member_id, team_id));

-- REVIEW: rebuilds table member (SQLite cannot ALTER this: drop foreign key "" (grp_id); add column "team_id"; drop column "grp_id"; add foreign key "" (team_id) → team(id); table definition); its rows are copied
ALTER TABLE member RENAME TO _retort_old_member;

CREATE TABLE member (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER REFERENCES team (id));

INSERT INTO member (id) SELECT id FROM _retort_old_member;

DROP TABLE _retort_old_member;

-- REVIEW: drops table member_grp and all its data
DROP TABLE member_grp;

-- REVIEW: drops table grp and all its data
DROP TABLE grp;

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

CREATE TABLE grp (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

CREATE TABLE member_grp (member_id INTEGER NOT NULL REFERENCES member (id), grp_id INTEGER NOT NULL REFERENCES grp (id), PRIMARY KEY (member_id, grp_id));

-- REVIEW: rebuilds table member (SQLite cannot ALTER this: table definition; drop foreign key "" (team_id); add column "grp_id"; drop column "team_id"; add foreign key "" (grp_id) → grp(id)); its rows are copied
ALTER TABLE member RENAME TO _retort_old_member;

CREATE TABLE member (id INTEGER NOT NULL PRIMARY KEY, grp_id INTEGER REFERENCES grp (id));

INSERT INTO member (id) SELECT id FROM _retort_old_member;

DROP TABLE _retort_old_member;

-- REVIEW: drops table member_team and all its data
DROP TABLE member_team;

-- REVIEW: drops table team and all its data
DROP TABLE team;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
