-- upgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

CREATE INDEX `fk_child_code` ON `child` (`code`);

ALTER TABLE `child` ADD CONSTRAINT `fk_child_code` FOREIGN KEY (`code`) REFERENCES `parent` (`code`) ON DELETE SET NULL;

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE;

-- downgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

ALTER TABLE `child` DROP FOREIGN KEY `fk_child_code`;

DROP INDEX `fk_child_code` ON `child`;

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);
