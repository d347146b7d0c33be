-- Create users.
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-11-25 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
CREATE INDEX ix_users_name ON users (name);

-- +retort downgrade
DROP TABLE users;
