-- tidy user columns
--
-- Revision ID: d00000000003
-- Revises: d00000000002
-- Create Date: 2026-03-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '2s';
ALTER TABLE users ALTER COLUMN bio TYPE varchar(50);
ALTER TABLE users ADD COLUMN locale text DEFAULT 'en', DROP COLUMN nickname;

-- +retort downgrade
ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN locale;
ALTER TABLE users ALTER COLUMN bio TYPE text;
