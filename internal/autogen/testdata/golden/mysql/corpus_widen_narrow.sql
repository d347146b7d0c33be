-- upgrade
ALTER TABLE `products` MODIFY COLUMN `name` varchar(200) NOT NULL;

SELECT (SELECT 1 FROM `products` WHERE CHAR_LENGTH(`code`) > 20 UNION ALL SELECT 1 FROM `products` WHERE CHAR_LENGTH(`code`) > 20) AS `retort: fails (Subquery returns more than 1 row) when products.code holds values varchar(20) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.code from varchar(100) to varchar(20): strings longer than 20 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `code` varchar(20);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `products` MODIFY COLUMN `qty` int(11);

ALTER TABLE `products` MODIFY COLUMN `views` bigint(20);

ALTER TABLE `products` MODIFY COLUMN `price` decimal(12,2);

ALTER TABLE `products` MODIFY COLUMN `weight` decimal(10,4);

-- downgrade
SELECT (SELECT 1 FROM `products` WHERE `weight` <> ROUND(`weight`, 3) UNION ALL SELECT 1 FROM `products` WHERE `weight` <> ROUND(`weight`, 3)) AS `retort: fails (Subquery returns more than 1 row) when products.weight holds values decimal(8,3) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.weight from decimal(10,4) to decimal(8,3): values of 6 or more digits before the point, or with more than 3 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `weight` decimal(8,3);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.price from decimal(12,2) to decimal(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `price` decimal(10,2);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.views from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `views` int(11);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.qty from int(11) to smallint(6): values outside smallint(6)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `qty` smallint(6);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `products` MODIFY COLUMN `code` varchar(100);

SELECT (SELECT 1 FROM `products` WHERE CHAR_LENGTH(`name`) > 50 UNION ALL SELECT 1 FROM `products` WHERE CHAR_LENGTH(`name`) > 50) AS `retort: fails (Subquery returns more than 1 row) when products.name holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of products.name from varchar(200) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `products` MODIFY COLUMN `name` varchar(50) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;
