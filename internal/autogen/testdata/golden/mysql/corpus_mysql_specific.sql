-- upgrade
DROP INDEX `t_name` ON `t`;

ALTER TABLE `t` MODIFY COLUMN `extra` bigint(20) FIRST;

ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL AFTER `extra`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.n from int(10) unsigned to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `n` int(11) AFTER `id`;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `t` MODIFY COLUMN `name` varchar(100) AFTER `n`;

-- REVIEW: sets NOT NULL on t.state: fails if it holds NULLs
ALTER TABLE `t` MODIFY COLUMN `state` enum('a','b') NOT NULL DEFAULT 'b' AFTER `name`;

ALTER TABLE `t` MODIFY COLUMN `changed` timestamp NULL DEFAULT current_timestamp() ON UPDATE current_timestamp() AFTER `state`;

CREATE INDEX `t_name` ON `t` (`name`(20));

ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL;

DROP INDEX `t_name` ON `t`;

ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL FIRST;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.n from int(11) to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `n` int(10) unsigned AFTER `id`;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `t` MODIFY COLUMN `name` varchar(100) AFTER `n`;

ALTER TABLE `t` MODIFY COLUMN `state` enum('a','b') AFTER `name`;

ALTER TABLE `t` MODIFY COLUMN `changed` timestamp NULL AFTER `state`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.extra from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `extra` int(11) AFTER `changed`;

SET SESSION sql_mode = @retort_sql_mode;

CREATE INDEX `t_name` ON `t` (`name`(10));
