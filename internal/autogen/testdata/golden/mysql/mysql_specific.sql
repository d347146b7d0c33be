-- upgrade
-- REVIEW: converts every text column of lat to utf8mb4_unicode_ci: rewrites the table
ALTER TABLE `lat` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `t` ADD COLUMN `first_col` int(11) DEFAULT 7 AFTER `id`;

ALTER TABLE `t` ADD COLUMN `flags` set('x','y') DEFAULT 'x,y' AFTER `status`;

ALTER TABLE `t` ADD COLUMN `mid_col` decimal(8,3) unsigned AFTER `name`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.id from int(11) to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `id` int(10) unsigned NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `t` MODIFY COLUMN `status` enum('a','b','c') NOT NULL DEFAULT 'b';

-- REVIEW: sets NOT NULL on t.name: fails if it holds NULLs
ALTER TABLE `t` MODIFY COLUMN `name` varchar(80) COLLATE utf8mb4_bin NOT NULL DEFAULT '' COMMENT 'the new name';

ALTER TABLE `t` MODIFY COLUMN `updated` timestamp NULL DEFAULT current_timestamp() ON UPDATE current_timestamp();

ALTER TABLE `t` ADD COLUMN `total` int(11) GENERATED ALWAYS AS (`first_col` * 2) VIRTUAL;

CREATE FULLTEXT INDEX `ft_body` ON `t` (`body`);

CREATE INDEX `ix_name_prefix` ON `t` (`name`(10), `status` DESC) COMMENT 'prefix';

ALTER TABLE `t` COMMENT = 'new';

ALTER TABLE `t` MODIFY COLUMN `id` int(10) unsigned NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `id` int(10) unsigned NOT NULL;

ALTER TABLE `t` COMMENT = 'old';

DROP INDEX `ix_name_prefix` ON `t`;

DROP INDEX `ft_body` ON `t`;

ALTER TABLE `t` DROP COLUMN `total`;

ALTER TABLE `t` MODIFY COLUMN `updated` timestamp NULL;

SELECT (SELECT 1 FROM `t` WHERE CHAR_LENGTH(`name`) > 50 UNION ALL SELECT 1 FROM `t` WHERE CHAR_LENGTH(`name`) > 50) AS `retort: fails (Subquery returns more than 1 row) when t.name holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.name from varchar(80) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `name` varchar(50) COMMENT 'the name';

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.status from enum('a','b','c') to enum('a','b'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `status` enum('a','b') NOT NULL DEFAULT 'a';

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.id from int(10) unsigned to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column t.mid_col and its data
ALTER TABLE `t` DROP COLUMN `mid_col`;

-- REVIEW: drops column t.flags and its data
ALTER TABLE `t` DROP COLUMN `flags`;

-- REVIEW: drops column t.first_col and its data
ALTER TABLE `t` DROP COLUMN `first_col`;

-- REVIEW: converts every text column of lat to latin1_swedish_ci: rewrites the table
ALTER TABLE `lat` CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci;
