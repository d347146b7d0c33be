-- Add a.
--
-- Revision ID: abc
-- Revises: b0, abc
-- Depends On: 

-- +retort upgrade
SELECT 1;
