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

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.d from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `d` int(11) AFTER `c`;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column t.e and its data
ALTER TABLE `t` DROP COLUMN `e`;
