-- upgrade
ALTER TABLE `nodes` DROP FOREIGN KEY `nodes_sibling`;

-- REVIEW: drops column nodes.depth and its data
ALTER TABLE `nodes` DROP COLUMN `depth`;

CREATE INDEX `nodes_parent` ON `nodes` (`parent_id`);

ALTER TABLE `nodes` ADD CONSTRAINT `nodes_parent` FOREIGN KEY (`parent_id`) REFERENCES `nodes` (`id`) ON DELETE CASCADE;

ALTER TABLE `nodes` ADD CONSTRAINT `nodes_sibling` FOREIGN KEY (`sibling_id`) REFERENCES `nodes` (`id`) ON DELETE SET NULL;

-- downgrade
ALTER TABLE `nodes` DROP FOREIGN KEY `nodes_sibling`;

ALTER TABLE `nodes` DROP FOREIGN KEY `nodes_parent`;

DROP INDEX `nodes_parent` ON `nodes`;

ALTER TABLE `nodes` ADD COLUMN `depth` int(11);

ALTER TABLE `nodes` ADD CONSTRAINT `nodes_sibling` FOREIGN KEY (`sibling_id`) REFERENCES `nodes` (`id`);
