-- upgrade
ALTER TABLE `log` ADD COLUMN `seen` timestamp NULL;

ALTER TABLE `log` MODIFY COLUMN `at` datetime(3);

ALTER TABLE `log` MODIFY COLUMN `day` datetime;

ALTER TABLE `log` MODIFY COLUMN `t` time(2);

-- downgrade
SELECT (SELECT 1 FROM `log` WHERE MICROSECOND(`t`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `log` WHERE MICROSECOND(`t`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when log.t holds values time would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of log.t from time(2) to time: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `log` MODIFY COLUMN `t` time;

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `log` WHERE `day` <> DATE(`day`) UNION ALL SELECT 1 FROM `log` WHERE `day` <> DATE(`day`)) AS `retort: fails (Subquery returns more than 1 row) when log.day holds values date would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of log.day from datetime to date: values with a time of day other than midnight fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `log` MODIFY COLUMN `day` date;

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `log` WHERE MICROSECOND(`at`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `log` WHERE MICROSECOND(`at`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when log.at holds values datetime would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of log.at from datetime(3) to datetime: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `log` MODIFY COLUMN `at` datetime;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column log.seen and its data
ALTER TABLE `log` DROP COLUMN `seen`;
