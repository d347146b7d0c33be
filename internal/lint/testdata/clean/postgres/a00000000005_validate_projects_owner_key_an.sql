-- validate projects owner key and require display names
--
-- Revision ID: a00000000005
-- Revises: a00000000004
-- Create Date: 2026-02-05 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '3s';
ALTER TABLE projects VALIDATE CONSTRAINT projects_owner_fk;
ALTER TABLE accounts ADD CONSTRAINT accounts_display_name_nn CHECK (display_name IS NOT NULL) NOT VALID;

-- +retort downgrade
ALTER TABLE accounts DROP CONSTRAINT accounts_display_name_nn;
