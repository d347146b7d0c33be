-- upgrade
ALTER TABLE `devices` ADD COLUMN `serial` varchar(20);

-- REVIEW: sets NOT NULL on devices.kind: fails if it holds NULLs
ALTER TABLE `devices` MODIFY COLUMN `kind` varchar(10) NOT NULL DEFAULT 'x';

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `serial` ON `devices` (`serial`);

-- downgrade
DROP INDEX `serial` ON `devices`;

ALTER TABLE `devices` MODIFY COLUMN `kind` varchar(10);

-- REVIEW: drops column devices.serial and its data
ALTER TABLE `devices` DROP COLUMN `serial`;
