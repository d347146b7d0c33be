-- upgrade
ALTER TABLE `comment` DROP FOREIGN KEY `comment_ibfk_1`;

ALTER TABLE `post` DROP FOREIGN KEY `post_ibfk_1`;

CREATE TABLE `tag` (
    `id` int(11) NOT NULL,
    `Label` varchar(30) NOT NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `Label` (`Label`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `post_tag` (
    `post_id` int(11) NOT NULL,
    `tag_id` int(11) NOT NULL,
    PRIMARY KEY (`post_id`, `tag_id`),
    KEY `tag_id` (`tag_id`),
    CONSTRAINT `post_tag_ibfk_2` FOREIGN KEY (`tag_id`) REFERENCES `tag` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `comment` ADD COLUMN `parent_id` int(11) AFTER `post_id`;

CREATE INDEX `Ix_Comment_Parent` ON `comment` (`parent_id`);

DROP INDEX `author_id` ON `post`;

ALTER TABLE `post` ADD COLUMN `slug` varchar(100) AFTER `title`;

ALTER TABLE `post` MODIFY COLUMN `published` tinyint(1) NOT NULL DEFAULT 1;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `UQ_post_slug` ON `post` (`author_id`, `slug`);

ALTER TABLE `user` MODIFY COLUMN `Name` varchar(60) NOT NULL;

ALTER TABLE `user` MODIFY COLUMN `order` int(11) DEFAULT 1;

-- REVIEW: drops column user.bio and its data
ALTER TABLE `user` DROP COLUMN `bio`;

ALTER TABLE `comment` DROP INDEX `post_id`, ADD INDEX `post_id` (`post_id`), ADD CONSTRAINT `comment_ibfk_1` FOREIGN KEY (`post_id`) REFERENCES `post` (`id`) ON DELETE CASCADE;

ALTER TABLE `comment` ADD CONSTRAINT `comment_ibfk_2` FOREIGN KEY (`parent_id`) REFERENCES `comment` (`id`) ON DELETE CASCADE;

ALTER TABLE `post` ADD CONSTRAINT `post_ibfk_1` FOREIGN KEY (`author_id`) REFERENCES `user` (`id`) ON DELETE CASCADE;

ALTER TABLE `post_tag` ADD CONSTRAINT `post_tag_ibfk_1` FOREIGN KEY (`post_id`) REFERENCES `post` (`id`) ON DELETE CASCADE;

-- downgrade
ALTER TABLE `post_tag` DROP FOREIGN KEY `post_tag_ibfk_1`;

ALTER TABLE `post` DROP FOREIGN KEY `post_ibfk_1`;

ALTER TABLE `comment` DROP FOREIGN KEY `comment_ibfk_2`;

ALTER TABLE `comment` DROP FOREIGN KEY `comment_ibfk_1`;

ALTER TABLE `user` ADD COLUMN `bio` text AFTER `Name`;

ALTER TABLE `user` MODIFY COLUMN `order` int(11);

SELECT (SELECT 1 FROM `user` WHERE CHAR_LENGTH(`Name`) > 40 UNION ALL SELECT 1 FROM `user` WHERE CHAR_LENGTH(`Name`) > 40) AS `retort: fails (Subquery returns more than 1 row) when user.Name holds values varchar(40) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of user.Name from varchar(60) to varchar(40): strings longer than 40 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `user` MODIFY COLUMN `Name` varchar(40) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

DROP INDEX `UQ_post_slug` ON `post`;

ALTER TABLE `post` MODIFY COLUMN `published` tinyint(1) NOT NULL DEFAULT 0;

-- REVIEW: drops column post.slug and its data
ALTER TABLE `post` DROP COLUMN `slug`;

CREATE INDEX `author_id` ON `post` (`author_id`);

DROP INDEX `Ix_Comment_Parent` ON `comment`;

-- REVIEW: drops column comment.parent_id and its data
ALTER TABLE `comment` DROP COLUMN `parent_id`;

-- REVIEW: drops table post_tag and all its data
DROP TABLE `post_tag`;

-- REVIEW: drops table tag and all its data
DROP TABLE `tag`;

ALTER TABLE `post` DROP INDEX `author_id`, ADD INDEX `author_id` (`author_id`), ADD CONSTRAINT `post_ibfk_1` FOREIGN KEY (`author_id`) REFERENCES `user` (`id`);

ALTER TABLE `comment` DROP INDEX `post_id`, ADD INDEX `post_id` (`post_id`), ADD CONSTRAINT `comment_ibfk_1` FOREIGN KEY (`post_id`) REFERENCES `post` (`id`);
