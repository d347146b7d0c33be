-- widen customers.name
--
-- Revision ID: b00000000004
-- Revises: b00000000003
-- Create Date: 2026-02-04 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
ALTER TABLE customers MODIFY name VARCHAR(60) NOT NULL;

-- +retort downgrade
ALTER TABLE customers MODIFY name VARCHAR(40) NOT NULL;
