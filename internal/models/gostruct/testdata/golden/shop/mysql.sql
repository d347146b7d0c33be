CREATE TABLE `customers` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `email` varchar(320) NOT NULL,
    `name` varchar(100) NOT NULL COMMENT 'Name is the display name.',
    `nickname` varchar(50),
    `active` boolean NOT NULL DEFAULT true,
    `age` smallint,
    `score` double NOT NULL DEFAULT 0,
    `ratio` float,
    `avatar` longblob NOT NULL,
    `prefs` json,
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `updated_at` datetime(6),
    PRIMARY KEY (`id`),
    UNIQUE KEY (`email`),
    CHECK (age >= 0)
);
CREATE TABLE `orders` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `customer_id` bigint NOT NULL,
    `status` ENUM('pending', 'paid', 'shipped') NOT NULL DEFAULT 'pending',
    `placed_on` date NOT NULL,
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `updated_at` datetime(6),
    PRIMARY KEY (`id`),
    FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
);
CREATE INDEX `ix_orders_customer_id` ON `orders` (`customer_id`);
CREATE TABLE `products` (
    `sku` char(36) NOT NULL,
    `title` varchar(200) NOT NULL,
    `price` decimal(10,2) NOT NULL,
    `cost` decimal(12,2) NOT NULL,
    `stock` int unsigned NOT NULL DEFAULT 0,
    `weight` double,
    `tags` json NOT NULL,
    `deleted_at` datetime(6),
    PRIMARY KEY (`sku`)
) COMMENT='Things for sale.';
CREATE INDEX `idx_products_title_price` ON `products` (`title`, `price`);
CREATE INDEX `idx_products_live` ON `products` (`deleted_at` DESC);
CREATE TABLE `order_lines` (
    `order_id` bigint NOT NULL,
    `line` int NOT NULL,
    `sku` char(36) NOT NULL,
    `order_ref` bigint NOT NULL,
    `qty` int NOT NULL,
    PRIMARY KEY (`order_id`, `line`),
    UNIQUE KEY `uni_order_lines_order_sku` (`sku`, `order_ref`),
    CONSTRAINT `qty_positive` CHECK (qty > 0),
    FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE,
    FOREIGN KEY (`sku`) REFERENCES `products` (`sku`)
);
