-- up
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table notes (SQLite cannot ALTER this: add column "ref"; drop primary key (id); add primary key (id, body); add unique constraint "uq_ref" (ref); add unique constraint "uq_body" (body); add check constraint "ck_body"; add foreign key "fk_ref" (ref) → notes(id); add foreign key "" (body) → bodies(text); table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE "notes" (
  "id" INTEGER NOT NULL,
  "body" TEXT,
  "ref" INTEGER,
  PRIMARY KEY ("id", "body"),
  CONSTRAINT "uq_ref" UNIQUE ("ref"),
  CONSTRAINT "uq_body" UNIQUE ("body"),
  CONSTRAINT "fk_ref" FOREIGN KEY ("ref") REFERENCES "notes" ("id"),
  FOREIGN KEY ("body") REFERENCES "bodies" ("text"),
  CONSTRAINT "ck_body" CHECK (body <> '')
) STRICT;
-- review: adds primary key (id, body) on notes: fails if existing rows hold duplicates
-- review: adds unique (body) on notes: fails if existing rows hold duplicates
-- review: adds check (body <> '') on notes: fails if existing rows violate the check
-- review: adds foreign key notes (body) -> bodies: fails if an existing row references no row of bodies (PRAGMA foreign_key_check)
-- review: makes notes STRICT: fails if existing values do not fit their columns' types
INSERT INTO notes (id, body) SELECT id, body FROM _retort_old_notes;
DROP TABLE _retort_old_notes;
-- down
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table notes (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT; drop foreign key "" (body); drop foreign key "fk_ref" (ref); drop check constraint "ck_body"; drop unique constraint "uq_body"; drop unique constraint "uq_ref"; drop primary key (id, body); add primary key (id); drop column "ref"); its rows are copied
ALTER TABLE notes RENAME TO _retort_old_notes;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
-- review: adds primary key (id) on notes: fails if existing rows hold duplicates
-- review: drops column notes.ref and its data
INSERT INTO notes (id, body) SELECT id, body FROM _retort_old_notes;
DROP TABLE _retort_old_notes;
