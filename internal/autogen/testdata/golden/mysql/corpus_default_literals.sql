-- upgrade
ALTER TABLE `settings` MODIFY COLUMN `label` varchar(20) DEFAULT 'it''s';

ALTER TABLE `settings` MODIFY COLUMN `n` int(11) DEFAULT 42;

ALTER TABLE `settings` MODIFY COLUMN `ratio` decimal(5,2) DEFAULT 0.25;

ALTER TABLE `settings` MODIFY COLUMN `offs` int(11) DEFAULT -10;

ALTER TABLE `settings` MODIFY COLUMN `note` varchar(20);

-- downgrade
ALTER TABLE `settings` MODIFY COLUMN `note` varchar(20) DEFAULT '';

ALTER TABLE `settings` MODIFY COLUMN `offs` int(11) DEFAULT -1;

ALTER TABLE `settings` MODIFY COLUMN `ratio` decimal(5,2) DEFAULT 1.50;

ALTER TABLE `settings` MODIFY COLUMN `n` int(11) DEFAULT 1;

ALTER TABLE `settings` MODIFY COLUMN `label` varchar(20) DEFAULT 'x';
