-- upgrade
-- REVIEW: likely rename: column member.grp_id is dropped (with its data) and member.team_id added with the same type. If it is a rename, generate again with --rename member.grp_id=team_id

-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE team (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);

CREATE TABLE member_team (id INTEGER NOT NULL PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES member (id), team_id INTEGER NOT NULL REFERENCES team (id), UNIQUE (member_id, team_id));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table member (SQLite cannot ALTER this: drop foreign key "" (grp_id); add column "team_id"; drop column "grp_id"; add foreign key "" (team_id) → team(id); table definition); its rows are copied
ALTER TABLE member RENAME TO _retort_old_member;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE member (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER REFERENCES team (id));

-- REVIEW: drops column member.grp_id and its data
INSERT INTO member (id) SELECT id FROM _retort_old_member;

DROP TABLE _retort_old_member;

-- REVIEW: drops table member_grp and all its data
DROP TABLE member_grp;

-- REVIEW: drops table grp and all its data
DROP TABLE grp;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE grp (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

CREATE TABLE member_grp (member_id INTEGER NOT NULL REFERENCES member (id), grp_id INTEGER NOT NULL REFERENCES grp (id), PRIMARY KEY (member_id, grp_id));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table member (SQLite cannot ALTER this: table definition; drop foreign key "" (team_id); add column "grp_id"; drop column "team_id"; add foreign key "" (grp_id) → grp(id)); its rows are copied
ALTER TABLE member RENAME TO _retort_old_member;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE member (id INTEGER NOT NULL PRIMARY KEY, grp_id INTEGER REFERENCES grp (id));

-- REVIEW: drops column member.team_id and its data
INSERT INTO member (id) SELECT id FROM _retort_old_member;

DROP TABLE _retort_old_member;

-- REVIEW: drops table member_team and all its data
DROP TABLE member_team;

-- REVIEW: drops table team and all its data
DROP TABLE team;
