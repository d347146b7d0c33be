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

-- REVIEW: changes the type of order.select from varchar(20) to varchar(10): fails or truncates if existing values do not fit
ALTER TABLE `order` MODIFY COLUMN `select` varchar(10);

-- REVIEW: drops column order.Group Name and its data
ALTER TABLE `order` DROP COLUMN `Group Name`;

-- REVIEW: drops table User and all its data
DROP TABLE `User`;
