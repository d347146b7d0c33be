-- upgrade
ALTER TABLE `t` ADD COLUMN `a` int(11) FIRST;

ALTER TABLE `t` ADD COLUMN `c` int(11) AFTER `b`;

ALTER TABLE `t` ADD COLUMN `e` int(11);

-- downgrade
-- REVIEW: drops column t.e and its data
ALTER TABLE `t` DROP COLUMN `e`;

-- REVIEW: drops column t.c and its data
ALTER TABLE `t` DROP COLUMN `c`;

-- REVIEW: drops column t.a and its data
ALTER TABLE `t` DROP COLUMN `a`;
