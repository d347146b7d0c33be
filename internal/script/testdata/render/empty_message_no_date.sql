-- empty message
--
-- Revision ID: 0a1b2c3d4e5f
-- Revises:
-- Create Date:
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- Write the upgrade SQL here.

-- +retort downgrade
-- Write the downgrade SQL here.
