-- add a unique key on projects using a concurrent index
--
-- Revision ID: a00000000007
-- Revises: a00000000006
-- Create Date: 2026-02-07 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- +retort no-transaction
CREATE UNIQUE INDEX CONCURRENTLY projects_account_name_idx ON projects (account_id, name);
SET lock_timeout = '3s';
ALTER TABLE projects ADD CONSTRAINT projects_account_name_key UNIQUE USING INDEX projects_account_name_idx;
ALTER TYPE nothing_here ADD VALUE IF NOT EXISTS 'x' BEFORE 'y';

-- +retort downgrade
ALTER TABLE projects DROP CONSTRAINT projects_account_name_key;
