-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
SELECT 1;
-- +retort upgarde
SELECT 2;
