-- make tags.label unique per note
--
-- Revision ID: c00000000003
-- Revises: c00000000002
-- Create Date: 2026-02-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
PRAGMA foreign_keys = OFF;
CREATE TABLE tags_new (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    UNIQUE (note_id, label)
);
INSERT INTO tags_new (id, note_id, label) SELECT id, note_id, label FROM tags;
DROP TABLE tags;
ALTER TABLE tags_new RENAME TO tags;
CREATE INDEX tags_note_id_idx ON tags (note_id);

-- +retort downgrade
PRAGMA foreign_keys = OFF;
CREATE TABLE tags_old (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    label TEXT NOT NULL
);
INSERT INTO tags_old (id, note_id, label) SELECT id, note_id, label FROM tags;
DROP TABLE tags;
ALTER TABLE tags_old RENAME TO tags;
CREATE INDEX tags_note_id_idx ON tags (note_id);
