-- up
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
CREATE INDEX ix_notes_body ON notes(body);
-- down
-- review: drops table notes and all its data
DROP TABLE notes;
