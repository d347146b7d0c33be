-- Add a.
--
-- Revision ID: 1f3a9c2b7d4e
-- Revises:

CREATE TABLE a (id int);
