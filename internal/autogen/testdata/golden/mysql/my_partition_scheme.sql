-- upgrade
-- REVIEW: partitions b anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `b` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (200),
    PARTITION `p1` VALUES LESS THAN MAXVALUE
);

-- REVIEW: partitions s anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `s` PARTITION BY HASH (`id`) PARTITIONS 2;

ALTER TABLE `w` ADD COLUMN `k` int(11) NOT NULL DEFAULT 0;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `w` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `k`);

-- REVIEW: partitions w anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `w` PARTITION BY LIST (`k`) (
    PARTITION `z` VALUES IN (0),
    PARTITION `o` VALUES IN (1)
);

-- downgrade
-- REVIEW: removes the partitioning of w: rewrites the table
ALTER TABLE `w` REMOVE PARTITIONING;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `w` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);

-- REVIEW: drops column w.k and its data
ALTER TABLE `w` DROP COLUMN `k`;

-- REVIEW: partitions s anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `s` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (100),
    PARTITION `p1` VALUES LESS THAN MAXVALUE
);

-- REVIEW: partitions b anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `b` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (100),
    PARTITION `p1` VALUES LESS THAN MAXVALUE
);
