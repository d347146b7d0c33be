-- add order status
--
-- Revision ID: d00000000004
-- Revises: d00000000003
-- Create Date: 2026-03-04 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN status text;

-- +retort downgrade
ALTER TABLE orders DROP COLUMN amount;
