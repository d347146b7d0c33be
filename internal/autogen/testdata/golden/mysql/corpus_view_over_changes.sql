-- upgrade
DROP VIEW `regions`;

DROP VIEW `big_sales_count`;

DROP VIEW `big_sales`;

ALTER TABLE `sales` ADD COLUMN `channel` varchar(10);

ALTER TABLE `sales` MODIFY COLUMN `amount` bigint(20);

ALTER TABLE `sales` MODIFY COLUMN `region` varchar(20);

CREATE VIEW `big_sales` AS select `sales`.`id` AS `id`,`sales`.`amount` AS `amount` from `sales` where `sales`.`amount` > 100;

CREATE VIEW `big_sales_count` AS select count(0) AS `n` from `big_sales`;

CREATE VIEW `regions` AS select distinct `sales`.`region` AS `region`,`sales`.`channel` AS `channel` from `sales`;

-- downgrade
DROP VIEW `regions`;

DROP VIEW `big_sales_count`;

DROP VIEW `big_sales`;

SELECT (SELECT 1 FROM `sales` WHERE CHAR_LENGTH(`region`) > 10 UNION ALL SELECT 1 FROM `sales` WHERE CHAR_LENGTH(`region`) > 10) AS `retort: fails (Subquery returns more than 1 row) when sales.region holds values varchar(10) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of sales.region from varchar(20) to varchar(10): strings longer than 10 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `sales` MODIFY COLUMN `region` varchar(10);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of sales.amount from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `sales` MODIFY COLUMN `amount` int(11);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column sales.channel and its data
ALTER TABLE `sales` DROP COLUMN `channel`;

CREATE VIEW `big_sales` AS select `sales`.`id` AS `id`,`sales`.`amount` AS `amount` from `sales` where `sales`.`amount` > 100;

CREATE VIEW `big_sales_count` AS select count(0) AS `n` from `big_sales`;

CREATE VIEW `regions` AS select distinct `sales`.`region` AS `region` from `sales`;
