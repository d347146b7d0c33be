-- Add users.name.
--
-- Revision ID: b2
-- Revises: a1
-- Create Date:

-- +retort upgrade
ALTER TABLE users ADD COLUMN name VARCHAR(40);

-- +retort downgrade
ALTER TABLE users DROP COLUMN name;
