-- upgrade
-- REVIEW: likely rename: column ev.old_col is dropped (with its data) and ev.new_col added with the same type. If it is a rename, generate again with --rename ev.old_col=new_col

DROP TRIGGER `ev_bi`;

DROP VIEW `ev_kinds`;

DROP INDEX `uq_code` ON `acc`;

ALTER TABLE `acc` ADD COLUMN `region` int(11) NOT NULL DEFAULT 1 AFTER `id`;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `acc` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `region`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_code` ON `acc` (`code`, `id`, `region`);

-- REVIEW: partitions acc anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `acc` PARTITION BY LIST (`region`) (
    PARTITION `one` VALUES IN (1),
    PARTITION `two` VALUES IN (2)
);

-- REVIEW: removes the partitioning of ev: rewrites the table
ALTER TABLE `ev` REMOVE PARTITIONING;

ALTER TABLE `ev` ADD COLUMN `new_col` int(11);

ALTER TABLE `ev` MODIFY COLUMN `id` bigint(20) NOT NULL;

-- REVIEW: drops column ev.old_col and its data
ALTER TABLE `ev` DROP COLUMN `old_col`;

-- REVIEW: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (100),
    PARTITION `p1` VALUES LESS THAN MAXVALUE
);

CREATE VIEW `ev_kinds` AS select distinct `ev`.`kind` AS `kind` from `ev`;

CREATE TRIGGER `ev_bi` BEFORE INSERT ON `ev` FOR EACH ROW SET NEW.kind = upper(NEW.kind);

-- downgrade
DROP TRIGGER `ev_bi`;

DROP VIEW `ev_kinds`;

-- REVIEW: removes the partitioning of ev: rewrites the table
ALTER TABLE `ev` REMOVE PARTITIONING;

ALTER TABLE `ev` ADD COLUMN `old_col` int(11);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of ev.id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `ev` MODIFY COLUMN `id` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column ev.new_col and its data
ALTER TABLE `ev` DROP COLUMN `new_col`;

-- REVIEW: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (100),
    PARTITION `p1` VALUES LESS THAN MAXVALUE
);

-- REVIEW: partitions acc anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `acc` PARTITION BY HASH (`id`) PARTITIONS 2;

DROP INDEX `uq_code` ON `acc`;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `acc` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);

-- REVIEW: drops column acc.region and its data
ALTER TABLE `acc` DROP COLUMN `region`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_code` ON `acc` (`code`, `id`);

CREATE VIEW `ev_kinds` AS select distinct `ev`.`kind` AS `kind` from `ev`;

CREATE TRIGGER `ev_bi` BEFORE INSERT ON `ev` FOR EACH ROW SET NEW.kind = lower(NEW.kind);
