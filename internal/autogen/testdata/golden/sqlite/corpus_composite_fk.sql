-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table books (SQLite cannot ALTER this: drop foreign key "books_shelf" (room, shelf); add foreign key "books_alt" (alt_room, alt_shelf) → shelves(room, shelf); add foreign key "books_shelf" (room, shelf) → shelves(room, shelf); table definition); its rows are copied
ALTER TABLE books RENAME TO _retort_old_books;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, room INTEGER, shelf INTEGER, alt_room INTEGER, alt_shelf INTEGER,
  CONSTRAINT books_shelf FOREIGN KEY (room, shelf) REFERENCES shelves (room, shelf) ON DELETE CASCADE,
  CONSTRAINT books_alt FOREIGN KEY (alt_room, alt_shelf) REFERENCES shelves (room, shelf) ON DELETE SET NULL);

-- REVIEW: adds foreign key books (alt_room, alt_shelf) -> shelves: fails if an existing row references no row of shelves (PRAGMA foreign_key_check)
-- REVIEW: adds foreign key books (room, shelf) -> shelves: fails if an existing row references no row of shelves (PRAGMA foreign_key_check)
INSERT INTO books (id, room, shelf, alt_room, alt_shelf) SELECT id, room, shelf, alt_room, alt_shelf FROM _retort_old_books;

DROP TABLE _retort_old_books;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table books (SQLite cannot ALTER this: table definition; drop foreign key "books_shelf" (room, shelf); drop foreign key "books_alt" (alt_room, alt_shelf); add foreign key "books_shelf" (room, shelf) → shelves(room, shelf)); its rows are copied
ALTER TABLE books RENAME TO _retort_old_books;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, room INTEGER, shelf INTEGER, alt_room INTEGER, alt_shelf INTEGER,
  CONSTRAINT books_shelf FOREIGN KEY (room, shelf) REFERENCES shelves (room, shelf));

-- REVIEW: adds foreign key books (room, shelf) -> shelves: fails if an existing row references no row of shelves (PRAGMA foreign_key_check)
INSERT INTO books (id, room, shelf, alt_room, alt_shelf) SELECT id, room, shelf, alt_room, alt_shelf FROM _retort_old_books;

DROP TABLE _retort_old_books;
