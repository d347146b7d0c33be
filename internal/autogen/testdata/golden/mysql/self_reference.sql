-- upgrade
CREATE TABLE `category` (
    `id` int(11) NOT NULL,
    `parent_id` int(11),
    PRIMARY KEY (`id`),
    KEY `parent_id` (`parent_id`),
    CONSTRAINT `category_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `category` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE INDEX `fk_node_parent` ON `node` (`parent_id`);

ALTER TABLE `node` ADD CONSTRAINT `fk_node_parent` FOREIGN KEY (`parent_id`) REFERENCES `node` (`id`);

-- downgrade
ALTER TABLE `node` DROP FOREIGN KEY `fk_node_parent`;

DROP INDEX `fk_node_parent` ON `node`;

-- REVIEW: drops table category and all its data
DROP TABLE `category`;
