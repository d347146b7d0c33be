-- upgrade
ALTER TABLE `shops` DROP FOREIGN KEY `shops_region`;

DROP INDEX `shops_region_name` ON `shops`;

-- REVIEW: drops column shops.region_id and its data
ALTER TABLE `shops` DROP COLUMN `region_id`;

CREATE INDEX `shops_name` ON `shops` (`name`);

-- REVIEW: drops table regions and all its data
DROP TABLE `regions`;

-- downgrade
CREATE TABLE `regions` (
    `id` int(11) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

DROP INDEX `shops_name` ON `shops`;

ALTER TABLE `shops` ADD COLUMN `region_id` int(11) AFTER `id`;

CREATE INDEX `shops_region_name` ON `shops` (`region_id`, `name`);

ALTER TABLE `shops` ADD CONSTRAINT `shops_region` FOREIGN KEY (`region_id`) REFERENCES `regions` (`id`);
