-- add projects.description and accounts.locale
--
-- Revision ID: a00000000002
-- Revises: a00000000001
-- Create Date: 2026-02-02 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '3s';
ALTER TABLE projects ADD COLUMN description text;
ALTER TABLE accounts ADD COLUMN locale text NOT NULL DEFAULT 'en';

-- +retort downgrade
ALTER TABLE accounts DROP COLUMN locale;
ALTER TABLE projects DROP COLUMN description;
