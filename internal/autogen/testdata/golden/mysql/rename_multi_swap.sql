-- upgrade
ALTER TABLE `pairs` RENAME COLUMN `d` TO `e`;

ALTER TABLE `pairs` RENAME COLUMN `c` TO `d`;

ALTER TABLE `pairs` RENAME COLUMN `w` TO `width`;

ALTER TABLE `pairs` RENAME COLUMN `b` TO `_retort_tmp_b`;

ALTER TABLE `pairs` RENAME COLUMN `a` TO `b`;

ALTER TABLE `pairs` RENAME COLUMN `_retort_tmp_b` TO `a`;

ALTER TABLE `pairs` MODIFY COLUMN `width` bigint(20) NOT NULL;

-- downgrade
SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of pairs.width from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `pairs` MODIFY COLUMN `width` int(11) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `pairs` RENAME COLUMN `a` TO `_retort_tmp_b`;

ALTER TABLE `pairs` RENAME COLUMN `b` TO `a`;

ALTER TABLE `pairs` RENAME COLUMN `_retort_tmp_b` TO `b`;

ALTER TABLE `pairs` RENAME COLUMN `width` TO `w`;

ALTER TABLE `pairs` RENAME COLUMN `d` TO `c`;

ALTER TABLE `pairs` RENAME COLUMN `e` TO `d`;
