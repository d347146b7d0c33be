-- upgrade
ALTER TABLE `items` ADD COLUMN `price` decimal(10,2) AFTER `name`;

ALTER TABLE `items` ADD COLUMN `qty` int(11) NOT NULL DEFAULT 0 AFTER `price`;

ALTER TABLE `items` ADD COLUMN `note` varchar(20) DEFAULT 'none';

-- downgrade
-- REVIEW: drops column items.note and its data
ALTER TABLE `items` DROP COLUMN `note`;

-- REVIEW: drops column items.qty and its data
ALTER TABLE `items` DROP COLUMN `qty`;

-- REVIEW: drops column items.price and its data
ALTER TABLE `items` DROP COLUMN `price`;
