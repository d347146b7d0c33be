-- M
--
-- Revision ID: abc

-- +retort empty
-- +retort upgrade
