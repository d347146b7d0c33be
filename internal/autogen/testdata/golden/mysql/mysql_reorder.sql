-- upgrade
ALTER TABLE `t` ADD COLUMN `e` int(11);

ALTER TABLE `t` MODIFY COLUMN `c` int(11) FIRST;

ALTER TABLE `t` MODIFY COLUMN `a` int(11) AFTER `c`;

ALTER TABLE `t` MODIFY COLUMN `d` bigint(20) AFTER `a`;

ALTER TABLE `t` MODIFY COLUMN `b` varchar(10) AFTER `d`;

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `a` int(11) FIRST;

ALTER TABLE `t` MODIFY COLUMN `b` varchar(10) AFTER `a`;

ALTER TABLE `t` MODIFY COLUMN `c` int(11) AFTER `b`;

-- REVIEW: changes the type of t.d from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `d` int(11) AFTER `c`;

-- REVIEW: drops column t.e and its data
ALTER TABLE `t` DROP COLUMN `e`;
