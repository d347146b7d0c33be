-- upgrade
DROP VIEW `totals`;

DROP VIEW `top`;

DROP VIEW `cheap_ids`;

DROP VIEW `cheap`;

ALTER TABLE `item` ADD COLUMN `note` varchar(10);

CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `cheap` AS select `item`.`id` AS `id`,`item`.`price` AS `price` from `item` where `item`.`price` < 100 WITH CASCADED CHECK OPTION;

CREATE VIEW `cheap_ids` AS select `cheap`.`id` AS `id` from `cheap`;

CREATE VIEW `top` AS select `cheap_ids`.`id` AS `id` from `cheap_ids`;

CREATE VIEW `totals` AS select count(0) AS `n` from `item`;

-- downgrade
DROP VIEW `totals`;

DROP VIEW `top`;

DROP VIEW `cheap_ids`;

DROP VIEW `cheap`;

-- REVIEW: drops column item.note and its data
ALTER TABLE `item` DROP COLUMN `note`;

CREATE VIEW `cheap` AS select `item`.`id` AS `id`,`item`.`price` AS `price` from `item` where `item`.`price` < 100;

CREATE SQL SECURITY INVOKER VIEW `cheap_ids` AS select `cheap`.`id` AS `id` from `cheap` WITH LOCAL CHECK OPTION;

CREATE VIEW `top` AS select `cheap_ids`.`id` AS `id` from `cheap_ids`;

CREATE ALGORITHM=TEMPTABLE VIEW `totals` AS select count(0) AS `n` from `item`;
