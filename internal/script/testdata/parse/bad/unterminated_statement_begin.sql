-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
-- +retort StatementBegin
CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;

-- +retort downgrade
DROP FUNCTION f;
