-- up
-- review: redistributes the rows of ev
ALTER TABLE `ev` ADD PARTITION PARTITIONS 3;
-- review: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (10),
    PARTITION `p1` VALUES LESS THAN (20),
    PARTITION `pmax` VALUES LESS THAN MAXVALUE
);
-- review: removes the partitioning of ev: rewrites the table
ALTER TABLE `ev` REMOVE PARTITIONING;
-- review: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY LIST COLUMNS(`b`) (
    PARTITION `ab` VALUES IN ('a','b') COMMENT = 'first',
    PARTITION `c` VALUES IN ('c')
);
-- down
-- review: removes the partitioning of ev: rewrites the table
ALTER TABLE `ev` REMOVE PARTITIONING;
-- review: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY RANGE (`id`) (
    PARTITION `p0` VALUES LESS THAN (10),
    PARTITION `p1` VALUES LESS THAN (20),
    PARTITION `pmax` VALUES LESS THAN MAXVALUE
);
-- review: partitions ev anew: rewrites the table, and fails if a row fits no partition
ALTER TABLE `ev` PARTITION BY HASH (`id`) PARTITIONS 5;
-- review: redistributes the rows of ev
ALTER TABLE `ev` COALESCE PARTITION 3;
