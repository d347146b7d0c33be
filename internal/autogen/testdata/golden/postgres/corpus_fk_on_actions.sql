-- upgrade
ALTER TABLE books DROP CONSTRAINT books_author;

ALTER TABLE books DROP CONSTRAINT books_editor;

ALTER TABLE books ADD CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON UPDATE CASCADE ON DELETE SET NULL;

ALTER TABLE books ADD CONSTRAINT books_reviewer FOREIGN KEY (reviewer_id) REFERENCES authors (id) ON DELETE RESTRICT;

-- downgrade
ALTER TABLE books DROP CONSTRAINT books_reviewer;

ALTER TABLE books DROP CONSTRAINT books_author;

ALTER TABLE books ADD CONSTRAINT books_editor FOREIGN KEY (editor_id) REFERENCES authors (id);

ALTER TABLE books ADD CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE;
