-- upgrade
DROP VIEW `item_names_upper`;

DROP VIEW `item_names`;

DROP VIEW `cheap`;

ALTER TABLE `item` MODIFY COLUMN `name` varchar(80);

ALTER TABLE `item` MODIFY COLUMN `price` decimal(10,3);

-- REVIEW: drops column item.legacy and its data
ALTER TABLE `item` DROP COLUMN `legacy`;

CREATE VIEW `cheap` AS select `item`.`id` AS `id`,`item`.`price` AS `price` from `item` where `item`.`price` < 10;

CREATE VIEW `item_names` AS select `item`.`id` AS `id`,`item`.`name` AS `name` from `item`;

CREATE VIEW `item_names_upper` AS select `item_names`.`id` AS `id`,ucase(`item_names`.`name`) AS `uname` from `item_names`;

-- downgrade
DROP VIEW `item_names_upper`;

DROP VIEW `item_names`;

DROP VIEW `cheap`;

ALTER TABLE `item` ADD COLUMN `legacy` int(11);

SELECT (SELECT 1 FROM `item` WHERE `price` <> ROUND(`price`, 2) UNION ALL SELECT 1 FROM `item` WHERE `price` <> ROUND(`price`, 2)) AS `retort: fails (Subquery returns more than 1 row) when item.price holds values decimal(8,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of item.price from decimal(10,3) to decimal(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `item` MODIFY COLUMN `price` decimal(8,2);

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `item` WHERE CHAR_LENGTH(`name`) > 20 UNION ALL SELECT 1 FROM `item` WHERE CHAR_LENGTH(`name`) > 20) AS `retort: fails (Subquery returns more than 1 row) when item.name holds values varchar(20) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of item.name from varchar(80) to varchar(20): strings longer than 20 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `item` MODIFY COLUMN `name` varchar(20);

SET SESSION sql_mode = @retort_sql_mode;

CREATE VIEW `cheap` AS select `item`.`id` AS `id`,`item`.`price` AS `price` from `item` where `item`.`price` < 10;

CREATE VIEW `item_names` AS select `item`.`id` AS `id`,`item`.`name` AS `name` from `item`;

CREATE VIEW `item_names_upper` AS select `item_names`.`id` AS `id`,ucase(`item_names`.`name`) AS `uname` from `item_names`;
