-- upgrade
ALTER TABLE `audits` DROP FOREIGN KEY `audits_account`;

ALTER TABLE `entries` DROP FOREIGN KEY `entries_account`;

ALTER TABLE `accounts` MODIFY COLUMN `id` bigint(20) NOT NULL;

ALTER TABLE `audits` MODIFY COLUMN `account_id` bigint(20);

ALTER TABLE `entries` MODIFY COLUMN `account_id` bigint(20) NOT NULL;

ALTER TABLE `audits` ADD CONSTRAINT `audits_account` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL;

ALTER TABLE `entries` ADD CONSTRAINT `entries_account` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`);

-- downgrade
ALTER TABLE `entries` DROP FOREIGN KEY `entries_account`;

ALTER TABLE `audits` DROP FOREIGN KEY `audits_account`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of entries.account_id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `entries` MODIFY COLUMN `account_id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of audits.account_id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `audits` MODIFY COLUMN `account_id` int(11);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of accounts.id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `accounts` MODIFY COLUMN `id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `entries` ADD CONSTRAINT `entries_account` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`);

ALTER TABLE `audits` ADD CONSTRAINT `audits_account` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL;
