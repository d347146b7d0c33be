-- upgrade
ALTER TABLE `post` DROP FOREIGN KEY `post_author_fk`;

ALTER TABLE `author` MODIFY COLUMN `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT;

ALTER TABLE `author` MODIFY COLUMN `email` varchar(191) NOT NULL COMMENT 'login, can''t change';

ALTER TABLE `author` COMMENT = 'authors';

DROP INDEX `post_author` ON `post`;

ALTER TABLE `post` ADD COLUMN `updated_at` datetime(6) ON UPDATE current_timestamp(6);

ALTER TABLE `post` MODIFY COLUMN `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT;

ALTER TABLE `post` MODIFY COLUMN `author_id` bigint(20) unsigned NOT NULL;

ALTER TABLE `post` MODIFY COLUMN `body` longtext;

ALTER TABLE `post` MODIFY COLUMN `status` enum('draft','review','published') NOT NULL DEFAULT 'draft';

ALTER TABLE `post` MODIFY COLUMN `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6);

CREATE INDEX `post_author_status` ON `post` (`author_id`, `status`);

ALTER TABLE `post` ADD CONSTRAINT `post_author_fk` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`) ON DELETE CASCADE;

-- downgrade
ALTER TABLE `post` DROP FOREIGN KEY `post_author_fk`;

DROP INDEX `post_author_status` ON `post`;

SELECT (SELECT 1 FROM `post` WHERE MICROSECOND(`created_at`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `post` WHERE MICROSECOND(`created_at`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when post.created_at holds values datetime would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of post.created_at from datetime(6) to datetime: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `post` MODIFY COLUMN `created_at` datetime NOT NULL DEFAULT current_timestamp();

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of post.status from enum('draft','review','published') to enum('draft','published'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `post` MODIFY COLUMN `status` enum('draft','published') NOT NULL DEFAULT 'draft';

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of post.body from longtext to mediumtext: values that mediumtext cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `post` MODIFY COLUMN `body` mediumtext;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of post.author_id from bigint(20) unsigned to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `post` MODIFY COLUMN `author_id` int(10) unsigned NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of post.id from bigint(20) unsigned to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `post` MODIFY COLUMN `id` int(10) unsigned NOT NULL AUTO_INCREMENT;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column post.updated_at and its data
ALTER TABLE `post` DROP COLUMN `updated_at`;

CREATE INDEX `post_author` ON `post` (`author_id`);

ALTER TABLE `author` COMMENT = 'people';

ALTER TABLE `author` MODIFY COLUMN `email` varchar(191) NOT NULL;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of author.id from bigint(20) unsigned to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `author` MODIFY COLUMN `id` int(10) unsigned NOT NULL AUTO_INCREMENT;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `post` ADD CONSTRAINT `post_author_fk` FOREIGN KEY (`author_id`) REFERENCES `author` (`id`);
