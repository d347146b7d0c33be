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

-- REVIEW: changes the type of item.price from decimal(10,3) to decimal(8,2): fails or truncates if existing values do not fit
ALTER TABLE `item` MODIFY COLUMN `price` decimal(8,2);

-- REVIEW: changes the type of item.name from varchar(80) to varchar(20): fails or truncates if existing values do not fit
ALTER TABLE `item` MODIFY COLUMN `name` varchar(20);

CREATE VIEW `cheap` AS select `item`.`id` AS `id`,`item`.`price` AS `price` from `item` where `item`.`price` < 10;

CREATE VIEW `item_names` AS select `item`.`id` AS `id`,`item`.`name` AS `name` from `item`;

CREATE VIEW `item_names_upper` AS select `item_names`.`id` AS `id`,ucase(`item_names`.`name`) AS `uname` from `item_names`;
