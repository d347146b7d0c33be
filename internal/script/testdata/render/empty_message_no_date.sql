-- empty message
--
-- Revision ID: 0a1b2c3d4e5f
-- Revises:
-- Create Date:
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- Write the upgrade SQL here (a revision meant to do nothing says so with a line "-- +retort empty").

-- +retort downgrade
-- Write the downgrade SQL here.
