-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
CREATE FUNCTION f() RETURNS int AS $fn$
BEGIN RETURN 1; END;
$$ LANGUAGE plpgsql;
