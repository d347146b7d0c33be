-- upgrade
ALTER TABLE `log` ADD COLUMN `id` int(11) NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`);

ALTER TABLE `tmp` DROP PRIMARY KEY;

-- downgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `tmp` ADD PRIMARY KEY (`id`);

-- REVIEW: drops column log.id and its data
ALTER TABLE `log` DROP PRIMARY KEY, DROP COLUMN `id`;
