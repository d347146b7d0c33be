-- Imported from goose.
--
-- Revision ID: 20230102150405
-- Revises:
-- Create Date:
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE a (id int);
-- +retort manual
-- Not translated (a Go migration), from 20230102150405_x.go:1.
-- Replace this block with SQL that does the same, then delete it.

-- +retort downgrade
-- +retort manual
-- Not translated (a Go migration), from 20230102150405_x.go:1.
