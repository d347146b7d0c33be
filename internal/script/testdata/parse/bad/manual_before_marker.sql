-- M
--
-- Revision ID: abc

-- +retort manual
-- +retort upgrade
SELECT 1;
