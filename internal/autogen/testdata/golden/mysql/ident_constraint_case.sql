-- upgrade
ALTER TABLE `child` RENAME INDEX `child_code` TO `Child_Code`;

ALTER TABLE `child` RENAME INDEX `child_parent` TO `Child_Parent`;

ALTER TABLE `child` DROP CONSTRAINT `child_n`;

ALTER TABLE `child` ADD CONSTRAINT `CHILD_N` CHECK (`n` > 0);

ALTER TABLE `child` DROP FOREIGN KEY `child_parent`;

ALTER TABLE `child` ADD CONSTRAINT `Child_Parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);

-- downgrade
ALTER TABLE `child` DROP FOREIGN KEY `Child_Parent`;

ALTER TABLE `child` ADD CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);

ALTER TABLE `child` DROP CONSTRAINT `CHILD_N`;

ALTER TABLE `child` ADD CONSTRAINT `child_n` CHECK (`n` > 0);

ALTER TABLE `child` RENAME INDEX `Child_Parent` TO `child_parent`;

ALTER TABLE `child` RENAME INDEX `Child_Code` TO `child_code`;
