-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER book_ins;

DROP VIEW author_books;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table author (SQLite cannot ALTER this: add column "email"; add unique constraint "" (email); add check constraint ""; table definition); its rows are copied
ALTER TABLE author RENAME TO _retort_old_author;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (name <> ''), email TEXT UNIQUE);

-- REVIEW: adds check (name <> '') on author: fails if existing rows violate the check
INSERT INTO author (id, name) SELECT id, name FROM _retort_old_author;

DROP TABLE _retort_old_author;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table book (SQLite cannot ALTER this: add column "isbn"; modify column "title": set NOT NULL, default (none) → ''; table definition); its rows are copied
ALTER TABLE book RENAME TO _retort_old_book;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE, title TEXT NOT NULL DEFAULT '', isbn TEXT);

-- REVIEW: fails if book.title holds NULLs
INSERT INTO book (id, author_id, title) SELECT id, author_id, title FROM _retort_old_book;

DROP TABLE _retort_old_book;

CREATE INDEX ix_book_title ON book (title COLLATE NOCASE);

CREATE VIEW author_books AS SELECT a.name, b.title FROM author a JOIN book b ON b.author_id = a.id;

-- +retort StatementBegin
CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN INSERT INTO log (what) SELECT name FROM author WHERE id = new.author_id; END;
-- +retort StatementEnd

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER book_ins;

DROP VIEW author_books;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table book (SQLite cannot ALTER this: table definition; modify column "title": drop NOT NULL, default '' → (none); drop column "isbn"); its rows are copied
ALTER TABLE book RENAME TO _retort_old_book;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE, title TEXT);

-- REVIEW: drops column book.isbn and its data
INSERT INTO book (id, author_id, title) SELECT id, author_id, title FROM _retort_old_book;

DROP TABLE _retort_old_book;

CREATE INDEX ix_book_title ON book (title COLLATE NOCASE);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table author (SQLite cannot ALTER this: table definition; drop check constraint ""; drop unique constraint ""; drop column "email"); its rows are copied
ALTER TABLE author RENAME TO _retort_old_author;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- REVIEW: drops column author.email and its data
INSERT INTO author (id, name) SELECT id, name FROM _retort_old_author;

DROP TABLE _retort_old_author;

CREATE VIEW author_books AS SELECT a.name, b.title FROM author a JOIN book b ON b.author_id = a.id;

-- +retort StatementBegin
CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN INSERT INTO log (what) SELECT name FROM author WHERE id = new.author_id; END;
-- +retort StatementEnd
