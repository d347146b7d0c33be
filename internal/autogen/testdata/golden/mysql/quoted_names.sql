-- upgrade
CREATE TABLE `User` (
    `ID` int(11) NOT NULL,
    `order_id` int(11),
    PRIMARY KEY (`ID`),
    KEY `order_id` (`order_id`),
    CONSTRAINT `User_ibfk_1` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `order` ADD COLUMN `Group Name` varchar(5);

ALTER TABLE `order` MODIFY COLUMN `select` varchar(20);

CREATE INDEX `Ix Order` ON `order` (`select`);

-- downgrade
DROP INDEX `Ix Order` ON `order`;

SELECT (SELECT 1 FROM `order` WHERE CHAR_LENGTH(`select`) > 10 UNION ALL SELECT 1 FROM `order` WHERE CHAR_LENGTH(`select`) > 10) AS `retort: fails (Subquery returns more than 1 row) when order.select holds values varchar(10) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of order.select from varchar(20) to varchar(10): strings longer than 10 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `order` MODIFY COLUMN `select` varchar(10);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column order.Group Name and its data
ALTER TABLE `order` DROP COLUMN `Group Name`;

-- REVIEW: drops table User and all its data
DROP TABLE `User`;
