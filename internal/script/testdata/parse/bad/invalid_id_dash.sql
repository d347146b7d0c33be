-- Add a.
--
-- Revision ID: ab-cd
-- Revises:

-- +retort upgrade
SELECT 1;
