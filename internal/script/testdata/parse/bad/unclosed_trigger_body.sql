-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
CREATE TRIGGER t AFTER INSERT ON a
BEGIN
  UPDATE b SET n = n + 1;

-- +retort downgrade
DROP TRIGGER t;
