-- Add a.
--
-- Revision ID: abc
-- Revises: b0
-- Depends On: c0, d0,c0

-- +retort upgrade
SELECT 1;
