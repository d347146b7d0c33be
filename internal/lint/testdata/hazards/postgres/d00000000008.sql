-- call it full_name
--
-- Revision ID: d00000000008
-- Revises: d00000000007
-- Create Date: 2026-03-08 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- REVIEW: renames a column the app reads
ALTER TABLE users RENAME COLUMN email TO login;
ALTER TABLE orders ADD COLUMN ref uuid DEFAULT gen_random_uuid();

-- +retort downgrade
ALTER TABLE orders DROP COLUMN ref;
ALTER TABLE users RENAME COLUMN login TO email;
