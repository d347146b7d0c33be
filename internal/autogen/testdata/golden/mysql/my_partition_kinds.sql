-- upgrade
CREATE TABLE `fresh` (
    `id` int(11) NOT NULL,
    `at` date NOT NULL,
    PRIMARY KEY (`id`, `at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
PARTITION BY RANGE (year(`at`)) SUBPARTITION BY KEY (`id`) (
    PARTITION `y2020` VALUES LESS THAN (2021) (SUBPARTITION `s0`, SUBPARTITION `s1`),
    PARTITION `ymax` VALUES LESS THAN MAXVALUE COMMENT = 'the rest' (SUBPARTITION `s2`, SUBPARTITION `s3`)
);

-- REVIEW: redistributes the rows of cnt
ALTER TABLE `cnt` ADD PARTITION PARTITIONS 3;

-- REVIEW: removes the partitioning of gone: rewrites the table
ALTER TABLE `gone` REMOVE PARTITIONING;

-- REVIEW: partitions h anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `h` PARTITION BY HASH (`id`) PARTITIONS 4;

ALTER TABLE `kn` ADD PARTITION (PARTITION `z`);

-- REVIEW: drops partition west of l and the rows it holds
ALTER TABLE `l` DROP PARTITION `west`;

ALTER TABLE `l` ADD PARTITION (PARTITION `east` VALUES IN (NULL,6));

-- REVIEW: partitions lc anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `lc` PARTITION BY LIST COLUMNS(`b`) SUBPARTITION BY LINEAR HASH (year(`d`)) SUBPARTITIONS 2 (
    PARTITION `ab` VALUES IN ('a','b'),
    PARTITION `cd` VALUES IN ('c','d')
);

-- REVIEW: partitions lk anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `lk` PARTITION BY LINEAR KEY (`id`) PARTITIONS 3;

-- REVIEW: partitions rc anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `rc` PARTITION BY RANGE COLUMNS(`a`,`b`) (
    PARTITION `r0` VALUES LESS THAN (10,'m'),
    PARTITION `r1` VALUES LESS THAN (MAXVALUE,MAXVALUE)
);

-- downgrade
-- REVIEW: removes the partitioning of rc: rewrites the table
ALTER TABLE `rc` REMOVE PARTITIONING;

-- REVIEW: removes the partitioning of lk: rewrites the table
ALTER TABLE `lk` REMOVE PARTITIONING;

-- REVIEW: removes the partitioning of lc: rewrites the table
ALTER TABLE `lc` REMOVE PARTITIONING;

-- REVIEW: drops partition east of l and the rows it holds
ALTER TABLE `l` DROP PARTITION `east`;

ALTER TABLE `l` ADD PARTITION (PARTITION `west` VALUES IN (4,5));

-- REVIEW: redistributes the rows of partition z of kn
ALTER TABLE `kn` COALESCE PARTITION 1;

-- REVIEW: removes the partitioning of h: rewrites the table
ALTER TABLE `h` REMOVE PARTITIONING;

-- REVIEW: partitions gone anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `gone` PARTITION BY HASH (`id`) PARTITIONS 3;

-- REVIEW: redistributes the rows of cnt
ALTER TABLE `cnt` COALESCE PARTITION 3;

-- REVIEW: drops table fresh and all its data
DROP TABLE `fresh`;
