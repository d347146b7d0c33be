-- upgrade
DROP INDEX `uq_code` ON `account`;

ALTER TABLE `account` ADD COLUMN `small` smallint(5) unsigned DEFAULT 5;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.id from int(11) to bigint(20) unsigned: values outside bigint(20) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `account` MODIFY COLUMN `active` tinyint(1) NOT NULL DEFAULT 0;

ALTER TABLE `account` MODIFY COLUMN `balance` decimal(14,4) unsigned NOT NULL DEFAULT 0.0000;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.role from enum('user','admin','guest') to enum('user','admin','owner'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `role` enum('user','admin','owner') NOT NULL DEFAULT 'user';

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: sets NOT NULL on account.settings: fails if it holds NULLs
ALTER TABLE `account` MODIFY COLUMN `settings` longtext COLLATE utf8mb4_bin NOT NULL DEFAULT '{}' CHECK (json_valid(`settings`));

ALTER TABLE `account` MODIFY COLUMN `created` datetime(6) NOT NULL DEFAULT current_timestamp(6);

ALTER TABLE `account` MODIFY COLUMN `updated` timestamp NOT NULL DEFAULT current_timestamp();

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.flags from bit(4) to bit(8): values that bit(8) cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `flags` bit(8) DEFAULT b'1';

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `account` MODIFY COLUMN `ratio` double;

-- REVIEW: sets NOT NULL on account.code: fails if it holds NULLs
ALTER TABLE `account` MODIFY COLUMN `code` char(3) COLLATE ascii_general_ci NOT NULL DEFAULT 'AAA';

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_code` ON `account` (`code`, `active`);

ALTER TABLE `log` ADD COLUMN `at` datetime(3);

-- REVIEW: sets NOT NULL on log.msg: fails if it holds NULLs
ALTER TABLE `log` MODIFY COLUMN `msg` varchar(500) NOT NULL DEFAULT '';

CREATE INDEX `ix_at` ON `log` (`at` DESC);

ALTER TABLE `log` MODIFY COLUMN `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `log` MODIFY COLUMN `id` bigint(20) unsigned NOT NULL;

DROP INDEX `ix_at` ON `log`;

SELECT (SELECT 1 FROM `log` WHERE CHAR_LENGTH(`msg`) > 255 UNION ALL SELECT 1 FROM `log` WHERE CHAR_LENGTH(`msg`) > 255) AS `retort: fails (Subquery returns more than 1 row) when log.msg holds values varchar(255) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of log.msg from varchar(500) to varchar(255): strings longer than 255 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `log` MODIFY COLUMN `msg` varchar(255);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column log.at and its data
ALTER TABLE `log` DROP COLUMN `at`;

DROP INDEX `uq_code` ON `account`;

ALTER TABLE `account` MODIFY COLUMN `code` char(3) COLLATE ascii_general_ci;

SELECT (SELECT 1 FROM `account` WHERE `ratio` <> CAST(`ratio` AS FLOAT) UNION ALL SELECT 1 FROM `account` WHERE `ratio` <> CAST(`ratio` AS FLOAT)) AS `retort: fails (Subquery returns more than 1 row) when account.ratio holds values float would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.ratio from double to float: values that float cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `ratio` float;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.flags from bit(8) to bit(4): values that bit(4) cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `flags` bit(4) DEFAULT b'0';

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `account` MODIFY COLUMN `updated` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp();

SELECT (SELECT 1 FROM `account` WHERE MICROSECOND(`created`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `account` WHERE MICROSECOND(`created`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when account.created holds values datetime would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.created from datetime(6) to datetime: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `created` datetime NOT NULL DEFAULT current_timestamp();

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `account` MODIFY COLUMN `settings` longtext COLLATE utf8mb4_bin CHECK (json_valid(`settings`));

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.role from enum('user','admin','owner') to enum('user','admin','guest'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `role` enum('user','admin','guest') NOT NULL DEFAULT 'user';

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `account` WHERE `balance` <> ROUND(`balance`, 2) UNION ALL SELECT 1 FROM `account` WHERE `balance` <> ROUND(`balance`, 2)) AS `retort: fails (Subquery returns more than 1 row) when account.balance holds values decimal(10,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.balance from decimal(14,4) unsigned to decimal(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `balance` decimal(10,2) NOT NULL DEFAULT 0.00;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `account` MODIFY COLUMN `active` tinyint(1) NOT NULL DEFAULT 1;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of account.id from bigint(20) unsigned to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `account` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column account.small and its data
ALTER TABLE `account` DROP COLUMN `small`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_code` ON `account` (`code`);
