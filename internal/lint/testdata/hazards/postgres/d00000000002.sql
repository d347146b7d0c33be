-- speed up login lookups
--
-- Revision ID: d00000000002
-- Revises: d00000000001
-- Create Date: 2026-03-02 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '2s';
CREATE INDEX users_email_idx ON users (email);

-- +retort downgrade
DROP INDEX users_email_idx;
