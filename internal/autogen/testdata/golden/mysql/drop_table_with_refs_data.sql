-- upgrade
ALTER TABLE `product` DROP FOREIGN KEY `product_ibfk_1`;

DROP INDEX `ix_product_category` ON `product`;

ALTER TABLE `product` ADD COLUMN `tags` varchar(100);

-- REVIEW: drops column product.category_id and its data
ALTER TABLE `product` DROP COLUMN `category_id`;

-- REVIEW: drops table category and all its data
DROP TABLE `category`;

-- downgrade
CREATE TABLE `category` (
    `id` int(11) NOT NULL,
    `name` varchar(20),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `product` ADD COLUMN `category_id` int(11) AFTER `id`;

-- REVIEW: drops column product.tags and its data
ALTER TABLE `product` DROP COLUMN `tags`;

CREATE INDEX `ix_product_category` ON `product` (`category_id`);

ALTER TABLE `product` ADD CONSTRAINT `product_ibfk_1` FOREIGN KEY (`category_id`) REFERENCES `category` (`id`);
