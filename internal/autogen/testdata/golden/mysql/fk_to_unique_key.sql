-- upgrade
ALTER TABLE `city` DROP FOREIGN KEY `city_ibfk_1`;

DROP INDEX `country_iso` ON `city`;

ALTER TABLE `city` MODIFY COLUMN `country_iso` varchar(3);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_city_name` ON `city` (`country_iso`, `name`);

ALTER TABLE `country` MODIFY COLUMN `iso` varchar(3) NOT NULL;

ALTER TABLE `city` ADD CONSTRAINT `city_ibfk_1` FOREIGN KEY (`country_iso`) REFERENCES `country` (`iso`) ON UPDATE CASCADE;

-- downgrade
ALTER TABLE `city` DROP FOREIGN KEY `city_ibfk_1`;

-- REVIEW: changes the type of country.iso from varchar(3) to varchar(2): fails or truncates if existing values do not fit
ALTER TABLE `country` MODIFY COLUMN `iso` varchar(2) NOT NULL;

DROP INDEX `uq_city_name` ON `city`;

-- REVIEW: changes the type of city.country_iso from varchar(3) to varchar(2): fails or truncates if existing values do not fit
ALTER TABLE `city` MODIFY COLUMN `country_iso` varchar(2);

CREATE INDEX `country_iso` ON `city` (`country_iso`);

ALTER TABLE `city` DROP INDEX `country_iso`, ADD INDEX `country_iso` (`country_iso`), ADD CONSTRAINT `city_ibfk_1` FOREIGN KEY (`country_iso`) REFERENCES `country` (`iso`);
