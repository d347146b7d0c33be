-- upgrade
ALTER TABLE `books` DROP FOREIGN KEY `books_author`;

ALTER TABLE `books` DROP FOREIGN KEY `books_editor`;

DROP INDEX `books_editor` ON `books`;

CREATE INDEX `books_reviewer` ON `books` (`reviewer_id`);

ALTER TABLE `books` ADD CONSTRAINT `books_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `books` ADD CONSTRAINT `books_reviewer` FOREIGN KEY (`reviewer_id`) REFERENCES `authors` (`id`);

-- downgrade
ALTER TABLE `books` DROP FOREIGN KEY `books_reviewer`;

ALTER TABLE `books` DROP FOREIGN KEY `books_author`;

DROP INDEX `books_reviewer` ON `books`;

CREATE INDEX `books_editor` ON `books` (`editor_id`);

ALTER TABLE `books` ADD CONSTRAINT `books_editor` FOREIGN KEY (`editor_id`) REFERENCES `authors` (`id`);

ALTER TABLE `books` ADD CONSTRAINT `books_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE;
