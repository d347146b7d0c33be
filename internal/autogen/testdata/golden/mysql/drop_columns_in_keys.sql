-- upgrade
ALTER TABLE `t` DROP FOREIGN KEY `t_ibfk_1`;

DROP INDEX `e` ON `t`;

DROP INDEX `ix_t_de` ON `t`;

DROP INDEX `uq_t_cd` ON `t`;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`);

-- REVIEW: drops column t.b and its data
ALTER TABLE `t` DROP COLUMN `b`;

-- REVIEW: drops column t.d and its data
ALTER TABLE `t` DROP COLUMN `d`;

-- REVIEW: drops column t.e and its data
ALTER TABLE `t` DROP COLUMN `e`;

CREATE INDEX `ix_t_c` ON `t` (`c`);

-- downgrade
DROP INDEX `ix_t_c` ON `t`;

ALTER TABLE `t` ADD COLUMN `e` int(11);

ALTER TABLE `t` ADD COLUMN `d` int(11) AFTER `c`;

-- REVIEW: adds NOT NULL column t.b without a default: existing rows get the type's zero value
ALTER TABLE `t` ADD COLUMN `b` int(11) NOT NULL AFTER `a`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_t_cd` ON `t` (`c`, `d`);

CREATE INDEX `ix_t_de` ON `t` (`d`, `e`);

CREATE INDEX `e` ON `t` (`e`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b`);

ALTER TABLE `t` DROP INDEX `e`, ADD INDEX `e` (`e`), ADD CONSTRAINT `t_ibfk_1` FOREIGN KEY (`e`) REFERENCES `parent` (`id`);
