-- M
--
-- Revision ID: abcd

-- +retort upgrade
