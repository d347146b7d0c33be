-- upgrade
ALTER TABLE `profile` ADD COLUMN `x` int(11) AFTER `a`;

ALTER TABLE `profile` MODIFY COLUMN `id` int(11) NOT NULL FIRST;

ALTER TABLE `profile` MODIFY COLUMN `d` varchar(20) AFTER `id`;

ALTER TABLE `profile` MODIFY COLUMN `a` bigint(20) AFTER `d`;

ALTER TABLE `profile` MODIFY COLUMN `c` int(11) AFTER `x`;

ALTER TABLE `profile` MODIFY COLUMN `b` varchar(10) AFTER `c`;

-- downgrade
ALTER TABLE `profile` MODIFY COLUMN `id` int(11) NOT NULL FIRST;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of profile.a from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `profile` MODIFY COLUMN `a` int(11) AFTER `id`;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `profile` MODIFY COLUMN `b` varchar(10) AFTER `a`;

ALTER TABLE `profile` MODIFY COLUMN `c` int(11) AFTER `b`;

SELECT (SELECT 1 FROM `profile` WHERE CHAR_LENGTH(`d`) > 10 UNION ALL SELECT 1 FROM `profile` WHERE CHAR_LENGTH(`d`) > 10) AS `retort: fails (Subquery returns more than 1 row) when profile.d holds values varchar(10) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of profile.d from varchar(20) to varchar(10): strings longer than 10 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `profile` MODIFY COLUMN `d` varchar(10) AFTER `c`;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column profile.x and its data
ALTER TABLE `profile` DROP COLUMN `x`;
