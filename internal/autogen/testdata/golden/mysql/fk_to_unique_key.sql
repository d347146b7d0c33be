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

SELECT (SELECT 1 FROM `country` WHERE CHAR_LENGTH(`iso`) > 2 UNION ALL SELECT 1 FROM `country` WHERE CHAR_LENGTH(`iso`) > 2) AS `retort: fails (Subquery returns more than 1 row) when country.iso holds values varchar(2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of country.iso from varchar(3) to varchar(2): strings longer than 2 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `country` MODIFY COLUMN `iso` varchar(2) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

DROP INDEX `uq_city_name` ON `city`;

SELECT (SELECT 1 FROM `city` WHERE CHAR_LENGTH(`country_iso`) > 2 UNION ALL SELECT 1 FROM `city` WHERE CHAR_LENGTH(`country_iso`) > 2) AS `retort: fails (Subquery returns more than 1 row) when city.country_iso holds values varchar(2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of city.country_iso from varchar(3) to varchar(2): strings longer than 2 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `city` MODIFY COLUMN `country_iso` varchar(2);

SET SESSION sql_mode = @retort_sql_mode;

CREATE INDEX `country_iso` ON `city` (`country_iso`);

ALTER TABLE `city` DROP INDEX `country_iso`, ADD INDEX `country_iso` (`country_iso`), ADD CONSTRAINT `city_ibfk_1` FOREIGN KEY (`country_iso`) REFERENCES `country` (`iso`);
