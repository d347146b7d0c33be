-- upgrade
ALTER TABLE `pets` DROP FOREIGN KEY `pets_owner_fk`;

ALTER TABLE `owners` MODIFY COLUMN `id` bigint(20) NOT NULL;

DROP INDEX `pets_owner` ON `pets`;

ALTER TABLE `pets` RENAME INDEX `pets_code` TO `pets_owner_code`;

ALTER TABLE `pets` MODIFY COLUMN `owner_id` bigint(20);

CREATE INDEX `pets_owner_name` ON `pets` (`owner_id`, `name`);

ALTER TABLE `pets` ADD CONSTRAINT `pets_owner_fk` FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON UPDATE CASCADE;

-- downgrade
ALTER TABLE `pets` DROP FOREIGN KEY `pets_owner_fk`;

DROP INDEX `pets_owner_name` ON `pets`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of pets.owner_id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `pets` MODIFY COLUMN `owner_id` int(11);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `pets` RENAME INDEX `pets_owner_code` TO `pets_code`;

CREATE INDEX `pets_owner` ON `pets` (`owner_id`);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of owners.id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `owners` MODIFY COLUMN `id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `pets` ADD CONSTRAINT `pets_owner_fk` FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON UPDATE CASCADE;
