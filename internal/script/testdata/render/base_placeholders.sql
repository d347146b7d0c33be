-- create account table
--
-- Revision ID: ae1027a6acf0
-- Revises:
-- Create Date: 2024-03-12 10:00:00
-- Branch Labels:
-- Depends On:

-- +retort upgrade
-- Write the upgrade SQL here (a revision meant to do nothing says so with a line "-- +retort empty").

-- +retort downgrade
-- Write the downgrade SQL here.
