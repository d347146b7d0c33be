-- Add a.
--
-- Revision ID: abc
-- Revises:

DROP TABLE x;
-- +retort upgrade
SELECT 1;
