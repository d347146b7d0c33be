-- wip
--
-- Revision ID: d00000000006
-- Revises: d00000000005
-- Create Date: 2026-03-06 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN tenant_id bigint NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE users ALTER COLUMN bio SET NOT NULL;
