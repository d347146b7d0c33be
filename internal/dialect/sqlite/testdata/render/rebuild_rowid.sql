-- up
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table notes (SQLite cannot ALTER this: modify column "id": type TEXT → INTEGER); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
-- review: changes the type of notes.id from TEXT to INTEGER: fails if it holds values that are not integers (the column becomes the rowid)
INSERT INTO notes (id, body) SELECT id, body FROM _retort_old_notes;
DROP TABLE _retort_old_notes;
-- down
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table notes (SQLite cannot ALTER this: modify column "id": type INTEGER → TEXT); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT);
-- review: changes the type of notes.id from INTEGER to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
INSERT INTO notes (id, body) SELECT id, body FROM _retort_old_notes;
DROP TABLE _retort_old_notes;
