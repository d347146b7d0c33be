-- up
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint(20) NOT NULL;
-- down
SET @retort_sql_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');
-- review: changes the type of users.id from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL;
SET SESSION sql_mode = @retort_sql_mode;
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;
