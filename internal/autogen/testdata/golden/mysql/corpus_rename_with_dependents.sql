-- upgrade
DROP VIEW `cheap`;

ALTER TABLE `items` RENAME COLUMN `price` TO `unit_price`;

ALTER TABLE `items` RENAME COLUMN `cost` TO `price`;

CREATE VIEW `cheap` AS select `items`.`id` AS `id`,`items`.`unit_price` AS `unit_price` from `items` where `items`.`unit_price` < 10;

-- downgrade
DROP VIEW `cheap`;

ALTER TABLE `items` RENAME COLUMN `price` TO `cost`;

ALTER TABLE `items` RENAME COLUMN `unit_price` TO `price`;

CREATE VIEW `cheap` AS select `items`.`id` AS `id`,`items`.`price` AS `price` from `items` where `items`.`price` < 10;
