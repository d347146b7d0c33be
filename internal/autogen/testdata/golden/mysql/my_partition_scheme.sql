-- upgrade
-- REVIEW: moves rows between partitions of b: fails if a row fits no partition
ALTER TABLE `b` REORGANIZE PARTITION `p0`, `p1` INTO (PARTITION `p0` VALUES LESS THAN (200), PARTITION `p1` VALUES LESS THAN MAXVALUE);

-- REVIEW: moves rows between partitions of lb: fails if a row fits no partition
ALTER TABLE `lb` REORGANIZE PARTITION `a`, `b` INTO (PARTITION `a` VALUES IN (1), PARTITION `b` VALUES IN (2,3,6));

-- REVIEW: moves rows between partitions of rb: fails if a row fits no partition
ALTER TABLE `rb` REORGANIZE PARTITION `p1`, `p2`, `p3` INTO (PARTITION `p1` VALUES LESS THAN (15) COMMENT = 'early teens', PARTITION `p2` VALUES LESS THAN (30), PARTITION `p3` VALUES LESS THAN (60));

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

-- REVIEW: partitions rb anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `rb` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (10),
    PARTITION `p1` VALUES LESS THAN (20) COMMENT = 'teens',
    PARTITION `p2` VALUES LESS THAN (30),
    PARTITION `p3` VALUES LESS THAN (50)
);

-- REVIEW: moves rows between partitions of lb: fails if a row fits no partition
ALTER TABLE `lb` REORGANIZE PARTITION `a`, `b` INTO (PARTITION `a` VALUES IN (1,2), PARTITION `b` VALUES IN (3));

-- REVIEW: moves rows between partitions of b: fails if a row fits no partition
ALTER TABLE `b` REORGANIZE PARTITION `p0`, `p1` INTO (PARTITION `p0` VALUES LESS THAN (100), PARTITION `p1` VALUES LESS THAN MAXVALUE);
