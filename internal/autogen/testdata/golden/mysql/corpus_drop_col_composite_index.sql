-- upgrade
DROP INDEX `visits_key` ON `visits`;

DROP INDEX `visits_site_day` ON `visits`;

-- REVIEW: drops column visits.day and its data
ALTER TABLE `visits` DROP COLUMN `day`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `visits_key` ON `visits` (`site`, `path`);

CREATE INDEX `visits_site_day` ON `visits` (`site`, `hits`);

-- downgrade
DROP INDEX `visits_site_day` ON `visits`;

DROP INDEX `visits_key` ON `visits`;

ALTER TABLE `visits` ADD COLUMN `day` int(11) AFTER `path`;

CREATE INDEX `visits_site_day` ON `visits` (`site`, `day`, `hits`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `visits_key` ON `visits` (`site`, `path`, `day`);
