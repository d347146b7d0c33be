-- index projects by name
--
-- Revision ID: a00000000003
-- Revises: a00000000002
-- Create Date: 2026-02-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- +retort no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS projects_name_idx ON projects (name);

-- +retort downgrade
-- +retort no-transaction
DROP INDEX CONCURRENTLY IF EXISTS projects_name_idx;
