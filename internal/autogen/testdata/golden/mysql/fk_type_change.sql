-- upgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

ALTER TABLE `child` MODIFY COLUMN `parent_id` bigint(20);

ALTER TABLE `parent` MODIFY COLUMN `id` bigint(20) NOT NULL;

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);

-- downgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of parent.id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `parent` MODIFY COLUMN `id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of child.parent_id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `child` MODIFY COLUMN `parent_id` int(11);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);
