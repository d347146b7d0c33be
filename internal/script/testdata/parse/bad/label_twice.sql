-- Add a.
--
-- Revision ID: abc
-- Branch Labels: x, y, x

-- +retort upgrade
SELECT 1;
