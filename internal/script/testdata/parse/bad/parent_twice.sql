-- Add a.
--
-- Revision ID: abc
-- Revises: b0, b0
-- Depends On: 

-- +retort upgrade
SELECT 1;
