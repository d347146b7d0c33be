-- add customers.phone
--
-- Revision ID: b00000000002
-- Revises: b00000000001
-- Create Date: 2026-02-02 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
ALTER TABLE customers ADD COLUMN phone VARCHAR(30) NULL, ALGORITHM=INSTANT;

-- +retort downgrade
ALTER TABLE customers DROP COLUMN phone;
