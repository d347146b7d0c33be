-- up
CREATE TABLE `ev` (
    `id` int(11) NOT NULL,
    `d` date NOT NULL,
    PRIMARY KEY (`id`)
)
PARTITION BY RANGE (year(`d`)) SUBPARTITION BY KEY (`id`) (
    PARTITION `old` VALUES LESS THAN (2000) (SUBPARTITION `s0`, SUBPARTITION `s1`),
    PARTITION `new` VALUES LESS THAN MAXVALUE COMMENT = 'it''s new' (SUBPARTITION `s2`, SUBPARTITION `s3`)
);
-- down
-- review: drops table ev and all its data
DROP TABLE `ev`;
