-- upgrade
ALTER TABLE `item` DROP FOREIGN KEY `fk_item_cat`;

ALTER TABLE `item` DROP FOREIGN KEY `fk_item_parent`;

DROP INDEX `fk_item_cat` ON `item`;

DROP INDEX `fk_item_parent` ON `item`;

CREATE INDEX `ix_cat_parent` ON `item` (`cat_id`, `parent_id`);

ALTER TABLE `item` ADD CONSTRAINT `fk_item_cat` FOREIGN KEY (`cat_id`) REFERENCES `cat` (`id`) ON DELETE SET NULL;

ALTER TABLE `item` ADD CONSTRAINT `fk_item_owner` FOREIGN KEY (`owner_id`) REFERENCES `item` (`id`);

-- downgrade
ALTER TABLE `item` DROP FOREIGN KEY `fk_item_owner`;

ALTER TABLE `item` DROP FOREIGN KEY `fk_item_cat`;

DROP INDEX `ix_cat_parent` ON `item`;

CREATE INDEX `fk_item_parent` ON `item` (`parent_id`);

CREATE INDEX `fk_item_cat` ON `item` (`cat_id`);

ALTER TABLE `item` ADD CONSTRAINT `fk_item_parent` FOREIGN KEY (`parent_id`) REFERENCES `item` (`id`);

ALTER TABLE `item` ADD CONSTRAINT `fk_item_cat` FOREIGN KEY (`cat_id`) REFERENCES `cat` (`id`);
