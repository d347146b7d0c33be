-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
SELECT 1;
-- +retort StatementEnd
