-- up
ALTER TABLE notes ADD COLUMN tag TEXT DEFAULT 'x';
-- down
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table notes (SQLite cannot ALTER this: drop column "tag"); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
-- review: drops column notes.tag and its data
INSERT INTO notes (id, body) SELECT id, body FROM _retort_old_notes;
DROP TABLE _retort_old_notes;
