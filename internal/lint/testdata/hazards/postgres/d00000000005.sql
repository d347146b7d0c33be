-- reset demo data
--
-- Revision ID: d00000000005
-- Revises: d00000000004
-- Create Date: 2026-03-05 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
DELETE FROM orders;
TRUNCATE users CASCADE;

-- +retort downgrade
-- +retort empty
