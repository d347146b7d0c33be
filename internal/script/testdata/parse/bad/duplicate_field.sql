-- Add a.
--
-- Revision ID: abc
-- Revises: def
-- Revises: ghi

-- +retort upgrade
SELECT 1;
