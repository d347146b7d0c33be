-- upgrade
ALTER TABLE `people` MODIFY COLUMN `full_name` varchar(41) GENERATED ALWAYS AS (concat(`last`,', ',`first`)) VIRTUAL;

ALTER TABLE `people` ADD COLUMN `initials` varchar(2) GENERATED ALWAYS AS (concat(left(`first`,1),left(`last`,1))) STORED;

CREATE INDEX `people_initials` ON `people` (`initials`);

-- downgrade
DROP INDEX `people_initials` ON `people`;

ALTER TABLE `people` DROP COLUMN `initials`;

ALTER TABLE `people` MODIFY COLUMN `full_name` varchar(41) GENERATED ALWAYS AS (concat(`first`,' ',`last`)) VIRTUAL;
