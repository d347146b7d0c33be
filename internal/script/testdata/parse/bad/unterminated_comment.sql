-- Add a.
--
-- Revision ID: abc
-- Revises:

-- +retort upgrade
/* the table
CREATE TABLE a (id int);
