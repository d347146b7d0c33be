-- upgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

ALTER TABLE `child` MODIFY COLUMN `parent_id` bigint(20);

ALTER TABLE `parent` MODIFY COLUMN `id` bigint(20) NOT NULL;

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);

-- downgrade
ALTER TABLE `child` DROP FOREIGN KEY `fk_child_parent`;

-- REVIEW: changes the type of parent.id from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `parent` MODIFY COLUMN `id` int(11) NOT NULL;

-- REVIEW: changes the type of child.parent_id from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `child` MODIFY COLUMN `parent_id` int(11);

ALTER TABLE `child` ADD CONSTRAINT `fk_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`);
