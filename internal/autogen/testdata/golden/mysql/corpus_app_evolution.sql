-- upgrade
ALTER TABLE `posts` DROP FOREIGN KEY `posts_user`;

CREATE TABLE `comments` (
    `id` int(11) NOT NULL,
    `post_id` int(11) NOT NULL,
    `body` text,
    PRIMARY KEY (`id`),
    KEY `comments_post` (`post_id`),
    CONSTRAINT `comments_post` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

DROP INDEX `posts_user` ON `posts`;

ALTER TABLE `posts` ADD COLUMN `published` int(11) DEFAULT 0;

ALTER TABLE `posts` MODIFY COLUMN `title` varchar(200);

CREATE INDEX `posts_user_published` ON `posts` (`user_id`, `published`);

ALTER TABLE `users` ADD COLUMN `first_name` varchar(50) AFTER `name`;

ALTER TABLE `users` ADD COLUMN `last_name` varchar(50) AFTER `first_name`;

ALTER TABLE `users` ADD COLUMN `status` varchar(10) NOT NULL DEFAULT 'active';

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `users` ADD CONSTRAINT `users_status` CHECK (`status` in ('active','banned'));

ALTER TABLE `posts` ADD CONSTRAINT `posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;

-- REVIEW: drops table sessions_old and all its data
DROP TABLE `sessions_old`;

-- downgrade
CREATE TABLE `sessions_old` (
    `id` int(11) NOT NULL,
    `token` varchar(40),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `posts` DROP FOREIGN KEY `posts_user`;

ALTER TABLE `users` DROP CONSTRAINT `users_status`;

DROP INDEX `users_email` ON `users`;

-- REVIEW: drops column users.status and its data
ALTER TABLE `users` DROP COLUMN `status`;

-- REVIEW: drops column users.last_name and its data
ALTER TABLE `users` DROP COLUMN `last_name`;

-- REVIEW: drops column users.first_name and its data
ALTER TABLE `users` DROP COLUMN `first_name`;

DROP INDEX `posts_user_published` ON `posts`;

SELECT (SELECT 1 FROM `posts` WHERE CHAR_LENGTH(`title`) > 100 UNION ALL SELECT 1 FROM `posts` WHERE CHAR_LENGTH(`title`) > 100) AS `retort: fails (Subquery returns more than 1 row) when posts.title holds values varchar(100) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of posts.title from varchar(200) to varchar(100): strings longer than 100 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `posts` MODIFY COLUMN `title` varchar(100);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column posts.published and its data
ALTER TABLE `posts` DROP COLUMN `published`;

CREATE INDEX `posts_user` ON `posts` (`user_id`);

-- REVIEW: drops table comments and all its data
DROP TABLE `comments`;

ALTER TABLE `posts` ADD CONSTRAINT `posts_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`);
