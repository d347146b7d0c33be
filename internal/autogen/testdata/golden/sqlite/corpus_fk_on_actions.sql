-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table books (SQLite cannot ALTER this: drop foreign key "books_author" (author_id); drop foreign key "books_editor" (editor_id); add foreign key "books_author" (author_id) → authors(id); add foreign key "books_reviewer" (reviewer_id) → authors(id); table definition); its rows are copied
ALTER TABLE books RENAME TO _retort_old_books;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER, editor_id INTEGER, reviewer_id INTEGER,
  CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT books_reviewer FOREIGN KEY (reviewer_id) REFERENCES authors (id) ON DELETE RESTRICT);

-- REVIEW: adds foreign key books (author_id) -> authors: fails if an existing row references no row of authors (PRAGMA foreign_key_check)
-- REVIEW: adds foreign key books (reviewer_id) -> authors: fails if an existing row references no row of authors (PRAGMA foreign_key_check)
INSERT INTO books (id, author_id, editor_id, reviewer_id) SELECT id, author_id, editor_id, reviewer_id FROM _retort_old_books;

DROP TABLE _retort_old_books;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table books (SQLite cannot ALTER this: table definition; drop foreign key "books_reviewer" (reviewer_id); drop foreign key "books_author" (author_id); add foreign key "books_editor" (editor_id) → authors(id); add foreign key "books_author" (author_id) → authors(id)); its rows are copied
ALTER TABLE books RENAME TO _retort_old_books;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER, editor_id INTEGER, reviewer_id INTEGER,
  CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE,
  CONSTRAINT books_editor FOREIGN KEY (editor_id) REFERENCES authors (id));

-- REVIEW: adds foreign key books (editor_id) -> authors: fails if an existing row references no row of authors (PRAGMA foreign_key_check)
-- REVIEW: adds foreign key books (author_id) -> authors: fails if an existing row references no row of authors (PRAGMA foreign_key_check)
INSERT INTO books (id, author_id, editor_id, reviewer_id) SELECT id, author_id, editor_id, reviewer_id FROM _retort_old_books;

DROP TABLE _retort_old_books;
