-- create notes and tags
--
-- Revision ID: c00000000001
-- Revises: 
-- Create Date: 2026-02-01 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    label TEXT NOT NULL
);
CREATE INDEX tags_note_id_idx ON tags (note_id);

-- +retort downgrade
DROP TABLE tags;
DROP TABLE notes;
