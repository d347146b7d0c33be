-- add notes.title
--
-- Revision ID: c00000000002
-- Revises: c00000000001
-- Create Date: 2026-02-02 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
ALTER TABLE notes ADD COLUMN title TEXT NOT NULL DEFAULT '';
CREATE INDEX notes_title_idx ON notes (title);

-- +retort downgrade
DROP INDEX notes_title_idx;
ALTER TABLE notes DROP COLUMN title;
