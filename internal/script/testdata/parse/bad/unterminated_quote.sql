-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
INSERT INTO t VALUES ('unclosed);

-- +retort downgrade
DELETE FROM t;
