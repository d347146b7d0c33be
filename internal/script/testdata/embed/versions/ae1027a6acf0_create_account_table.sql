-- create account table
--
-- Revision ID: ae1027a6acf0
-- Revises:
-- Create Date: 2026-11-25 18:02:53.485865
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE account (
    id INTEGER NOT NULL,
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (id)
);

-- +retort downgrade
DROP TABLE account;
