-- Add users.email.
--
-- Revision ID: 2b3c4d5e6f7a
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-25 11:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
ALTER TABLE users ADD COLUMN email VARCHAR(200);

-- +retort downgrade
ALTER TABLE users DROP COLUMN email;
