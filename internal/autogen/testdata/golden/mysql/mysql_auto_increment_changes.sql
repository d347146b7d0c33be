-- upgrade
ALTER TABLE `a` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `b` MODIFY COLUMN `id` int(11) NOT NULL;

ALTER TABLE `c` MODIFY COLUMN `id` bigint(20) NOT NULL AUTO_INCREMENT;

-- REVIEW: sets NOT NULL on c.v: fails if it holds NULLs
ALTER TABLE `c` MODIFY COLUMN `v` int(11) NOT NULL DEFAULT 0;

-- downgrade
ALTER TABLE `c` MODIFY COLUMN `v` int(11);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of c.id from bigint(20) to smallint(6): values outside smallint(6)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `c` MODIFY COLUMN `id` smallint(6) NOT NULL AUTO_INCREMENT;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `b` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `a` MODIFY COLUMN `id` int(11) NOT NULL;
