-- upgrade
ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_ibfk_2`;

ALTER TABLE `orders` DROP FOREIGN KEY `orders_ibfk_1`;

ALTER TABLE `customers` ADD COLUMN `country` char(2) NOT NULL DEFAULT 'US';

ALTER TABLE `customers` MODIFY COLUMN `email` varchar(255) NOT NULL;

-- REVIEW: sets NOT NULL on customers.name: fails if it holds NULLs
ALTER TABLE `customers` MODIFY COLUMN `name` varchar(120) NOT NULL DEFAULT '';

-- REVIEW: sets NOT NULL on customers.vip: fails if it holds NULLs
ALTER TABLE `customers` MODIFY COLUMN `vip` tinyint(1) NOT NULL DEFAULT 1;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_customers_email` ON `customers` (`email`);

-- REVIEW: sets NOT NULL on order_items.product_id: fails if it holds NULLs
ALTER TABLE `order_items` MODIFY COLUMN `product_id` int(11) NOT NULL;

ALTER TABLE `order_items` MODIFY COLUMN `qty` int(11) NOT NULL DEFAULT 1;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `order_items` DROP PRIMARY KEY, ADD PRIMARY KEY (`order_id`, `product_id`);

DROP INDEX `ix_orders_customer` ON `orders`;

ALTER TABLE `orders` MODIFY COLUMN `customer_id` int(11);

ALTER TABLE `orders` MODIFY COLUMN `total` decimal(12,2) DEFAULT 0.00;

-- REVIEW: drops column orders.note and its data
ALTER TABLE `orders` DROP COLUMN `note`;

CREATE INDEX `ix_orders_customer` ON `orders` (`customer_id`, `total` DESC);

ALTER TABLE `products` MODIFY COLUMN `price` decimal(12,4) NOT NULL;

-- REVIEW: sets NOT NULL on products.stock: fails if it holds NULLs
ALTER TABLE `products` MODIFY COLUMN `stock` int(11) NOT NULL DEFAULT 0;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_products_sku` ON `products` (`sku`);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `products` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`stock` >= 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `products` ADD CONSTRAINT `ck_products_price` CHECK (`price` >= 0);

ALTER TABLE `order_items` DROP INDEX `product_id`, ADD INDEX `product_id` (`product_id`), ADD CONSTRAINT `order_items_ibfk_2` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE;

ALTER TABLE `orders` ADD CONSTRAINT `orders_ibfk_1` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `orders_ibfk_1`;

ALTER TABLE `order_items` DROP FOREIGN KEY `order_items_ibfk_2`;

ALTER TABLE `products` DROP CONSTRAINT `ck_products_price`;

ALTER TABLE `products` DROP CONSTRAINT `CONSTRAINT_1`;

DROP INDEX `uq_products_sku` ON `products`;

ALTER TABLE `products` MODIFY COLUMN `stock` int(11) DEFAULT 0;

SELECT (SELECT 1 FROM `products` WHERE `price` <> ROUND(`price`, 2) UNION ALL SELECT 1 FROM `products` WHERE `price` <> ROUND(`price`, 2)) AS `retort: fails (Subquery returns more than 1 row) when products.price holds values decimal(8,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.price from decimal(12,4) to decimal(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `price` decimal(8,2) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

DROP INDEX `ix_orders_customer` ON `orders`;

ALTER TABLE `orders` ADD COLUMN `note` varchar(200) AFTER `customer_id`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of orders.total from decimal(12,2) to decimal(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `orders` MODIFY COLUMN `total` decimal(10,2);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: sets NOT NULL on orders.customer_id: fails if it holds NULLs
ALTER TABLE `orders` MODIFY COLUMN `customer_id` int(11) NOT NULL;

CREATE INDEX `ix_orders_customer` ON `orders` (`customer_id`);

ALTER TABLE `order_items` MODIFY COLUMN `qty` int(11) NOT NULL;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `order_items` DROP PRIMARY KEY, ADD PRIMARY KEY (`order_id`, `qty`);

ALTER TABLE `order_items` MODIFY COLUMN `product_id` int(11);

DROP INDEX `uq_customers_email` ON `customers`;

ALTER TABLE `customers` MODIFY COLUMN `vip` tinyint(1) DEFAULT 0;

SELECT (SELECT 1 FROM `customers` WHERE CHAR_LENGTH(`name`) > 50 UNION ALL SELECT 1 FROM `customers` WHERE CHAR_LENGTH(`name`) > 50) AS `retort: fails (Subquery returns more than 1 row) when customers.name holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of customers.name from varchar(120) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `customers` MODIFY COLUMN `name` varchar(50);

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `customers` WHERE CHAR_LENGTH(`email`) > 100 UNION ALL SELECT 1 FROM `customers` WHERE CHAR_LENGTH(`email`) > 100) AS `retort: fails (Subquery returns more than 1 row) when customers.email holds values varchar(100) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of customers.email from varchar(255) to varchar(100): strings longer than 100 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `customers` MODIFY COLUMN `email` varchar(100) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column customers.country and its data
ALTER TABLE `customers` DROP COLUMN `country`;

ALTER TABLE `orders` ADD CONSTRAINT `orders_ibfk_1` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE;

ALTER TABLE `order_items` DROP INDEX `product_id`, ADD INDEX `product_id` (`product_id`), ADD CONSTRAINT `order_items_ibfk_2` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`);
