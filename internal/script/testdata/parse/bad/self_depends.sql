-- Add a.
--
-- Revision ID: abc
-- Revises: b0
-- Depends On: abc

-- +retort upgrade
SELECT 1;
