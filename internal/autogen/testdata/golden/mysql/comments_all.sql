-- upgrade
ALTER TABLE `customer` MODIFY COLUMN `id` int(11) NOT NULL COMMENT 'key';

ALTER TABLE `customer` MODIFY COLUMN `name` varchar(50) COMMENT 'given and family name';

ALTER TABLE `customer` MODIFY COLUMN `tier` int(11);

ALTER TABLE `customer` COMMENT = 'it''s "new"';

-- downgrade
ALTER TABLE `customer` COMMENT = 'old';

ALTER TABLE `customer` MODIFY COLUMN `tier` int(11) COMMENT 'to go';

ALTER TABLE `customer` MODIFY COLUMN `name` varchar(50) COMMENT 'full name';

ALTER TABLE `customer` MODIFY COLUMN `id` int(11) NOT NULL;
