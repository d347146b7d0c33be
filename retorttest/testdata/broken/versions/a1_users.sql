-- Create users.
--
-- Revision ID: a1
-- Revises:
-- Create Date:

-- +retort upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(80) NOT NULL UNIQUE);

-- +retort downgrade
DROP TABLE users;
