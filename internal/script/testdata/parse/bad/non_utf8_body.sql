-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
SELECT 1;
INSERT INTO t VALUES ('café');
