-- upgrade
ALTER TABLE `books` DROP FOREIGN KEY `books_shelf`;

CREATE INDEX `books_alt` ON `books` (`alt_room`, `alt_shelf`);

ALTER TABLE `books` ADD CONSTRAINT `books_alt` FOREIGN KEY (`alt_room`, `alt_shelf`) REFERENCES `shelves` (`room`, `shelf`) ON DELETE SET NULL;

ALTER TABLE `books` ADD CONSTRAINT `books_shelf` FOREIGN KEY (`room`, `shelf`) REFERENCES `shelves` (`room`, `shelf`) ON DELETE CASCADE;

-- downgrade
ALTER TABLE `books` DROP FOREIGN KEY `books_shelf`;

ALTER TABLE `books` DROP FOREIGN KEY `books_alt`;

DROP INDEX `books_alt` ON `books`;

ALTER TABLE `books` ADD CONSTRAINT `books_shelf` FOREIGN KEY (`room`, `shelf`) REFERENCES `shelves` (`room`, `shelf`);
