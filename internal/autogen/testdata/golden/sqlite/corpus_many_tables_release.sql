-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE invites (id INTEGER NOT NULL PRIMARY KEY, team_id INTEGER NOT NULL, email VARCHAR(50) NOT NULL, CONSTRAINT invites_team FOREIGN KEY (team_id) REFERENCES teams (id), CONSTRAINT invites_team_email UNIQUE (team_id, email));

CREATE TABLE profiles (user_id INTEGER NOT NULL PRIMARY KEY, avatar VARCHAR(100), CONSTRAINT profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table teams (SQLite cannot ALTER this: modify column "name": type VARCHAR(20) → VARCHAR(40), set NOT NULL; add unique constraint "teams_name" (name); table definition); its rows are copied
ALTER TABLE teams RENAME TO _retort_old_teams;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE teams (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, CONSTRAINT teams_name UNIQUE (name));

-- REVIEW: fails if teams.name holds NULLs
-- REVIEW: adds unique (name) on teams: fails if existing rows hold duplicates
INSERT INTO teams (id, name) SELECT id, name FROM _retort_old_teams;

DROP TABLE _retort_old_teams;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: add column "team_id"; drop column "avatar"; add index "users_team"; add foreign key "users_team" (team_id) → teams(id); table definition); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), team_id INTEGER, CONSTRAINT users_team FOREIGN KEY (team_id) REFERENCES teams (id));

-- REVIEW: drops column users.avatar and its data
INSERT INTO users (id, name) SELECT id, name FROM _retort_old_users;

DROP TABLE _retort_old_users;

CREATE INDEX users_team ON users (team_id);

-- REVIEW: drops table old_flags and all its data
DROP TABLE old_flags;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE old_flags (id INTEGER NOT NULL PRIMARY KEY, flag VARCHAR(10));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; drop foreign key "users_team" (team_id); drop index "users_team"; add column "avatar"; drop column "team_id"); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20), avatar VARCHAR(100));

-- REVIEW: drops column users.team_id and its data
INSERT INTO users (id, name) SELECT id, name FROM _retort_old_users;

DROP TABLE _retort_old_users;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table teams (SQLite cannot ALTER this: table definition; drop unique constraint "teams_name"; modify column "name": type VARCHAR(40) → VARCHAR(20), drop NOT NULL); its rows are copied
ALTER TABLE teams RENAME TO _retort_old_teams;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE teams (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));

INSERT INTO teams (id, name) SELECT id, name FROM _retort_old_teams;

DROP TABLE _retort_old_teams;

-- REVIEW: drops table profiles and all its data
DROP TABLE profiles;

-- REVIEW: drops table invites and all its data
DROP TABLE invites;
