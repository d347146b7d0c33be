-- M
--
-- Revision ID: head

-- +retort upgrade
