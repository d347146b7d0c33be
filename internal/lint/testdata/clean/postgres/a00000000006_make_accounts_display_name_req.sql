-- make accounts.display_name required and longer
--
-- Revision ID: a00000000006
-- Revises: a00000000005
-- Create Date: 2026-02-06 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '3s';
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_display_name_nn;
ALTER TABLE accounts ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT accounts_display_name_nn;
ALTER TABLE accounts ALTER COLUMN display_name TYPE varchar(120);
ALTER TABLE projects ALTER COLUMN name TYPE text;

-- +retort downgrade
ALTER TABLE accounts ALTER COLUMN display_name TYPE varchar(80);
ALTER TABLE accounts ADD CONSTRAINT accounts_display_name_nn CHECK (display_name IS NOT NULL) NOT VALID;
ALTER TABLE accounts ALTER COLUMN display_name DROP NOT NULL;
