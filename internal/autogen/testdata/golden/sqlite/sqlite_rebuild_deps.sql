-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

DROP VIEW author_books;

-- REVIEW: rebuilds table author (SQLite cannot ALTER this: add column "email"; add unique constraint "" (email); add check constraint ""; table definition); its rows are copied
ALTER TABLE author RENAME TO _retort_old_author;

CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (name <> ''), email TEXT UNIQUE);

INSERT INTO author (id, name) SELECT id, name FROM _retort_old_author;

DROP TABLE _retort_old_author;

-- REVIEW: rebuilds table book (SQLite cannot ALTER this: add column "isbn"; modify column "title": set NOT NULL, default (none) → ''; table definition); its rows are copied
ALTER TABLE book RENAME TO _retort_old_book;

CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE, title TEXT NOT NULL DEFAULT '', isbn TEXT);

INSERT INTO book (id, author_id, title) SELECT id, author_id, title FROM _retort_old_book;

DROP TABLE _retort_old_book;

CREATE INDEX ix_book_title ON book (title COLLATE NOCASE);

-- +retort StatementBegin
CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN INSERT INTO log (what) SELECT name FROM author WHERE id = new.author_id; END;
-- +retort StatementEnd

CREATE VIEW author_books AS SELECT a.name, b.title FROM author a JOIN book b ON b.author_id = a.id;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

DROP VIEW author_books;

-- REVIEW: rebuilds table book (SQLite cannot ALTER this: table definition; modify column "title": drop NOT NULL, default '' → (none); drop column "isbn"); its rows are copied
ALTER TABLE book RENAME TO _retort_old_book;

CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE, title TEXT);

INSERT INTO book (id, author_id, title) SELECT id, author_id, title FROM _retort_old_book;

DROP TABLE _retort_old_book;

CREATE INDEX ix_book_title ON book (title COLLATE NOCASE);

-- +retort StatementBegin
CREATE TRIGGER book_ins AFTER INSERT ON book BEGIN INSERT INTO log (what) SELECT name FROM author WHERE id = new.author_id; END;
-- +retort StatementEnd

-- REVIEW: rebuilds table author (SQLite cannot ALTER this: table definition; drop check constraint ""; drop unique constraint ""; drop column "email"); its rows are copied
ALTER TABLE author RENAME TO _retort_old_author;

CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

INSERT INTO author (id, name) SELECT id, name FROM _retort_old_author;

DROP TABLE _retort_old_author;

CREATE VIEW author_books AS SELECT a.name, b.title FROM author a JOIN book b ON b.author_id = a.id;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
