-- up
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) DEFAULT 'anon';
SELECT (SELECT 1 FROM `users` WHERE CHAR_LENGTH(`email`) > 10 UNION ALL SELECT 1 FROM `users` WHERE CHAR_LENGTH(`email`) > 10) AS `retort: fails (Subquery returns more than 1 row) when users.email holds values varchar(10) would not keep unchanged`;
SET @retort_sql_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');
-- review: changes the type of users.email from varchar(255) to varchar(10): strings longer than 10 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `users` MODIFY COLUMN `email` varchar(10) NOT NULL;
SET SESSION sql_mode = @retort_sql_mode;
-- review: sets NOT NULL on users.seen: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `seen` timestamp NOT NULL DEFAULT '2000-01-01 00:00:00';
ALTER TABLE `users` MODIFY COLUMN `created` timestamp NOT NULL DEFAULT current_timestamp();
-- down
ALTER TABLE `users` MODIFY COLUMN `created` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp();
ALTER TABLE `users` MODIFY COLUMN `seen` timestamp NULL;
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL;
SELECT (SELECT 1 FROM `users` WHERE CHAR_LENGTH(`name`) > 50 UNION ALL SELECT 1 FROM `users` WHERE CHAR_LENGTH(`name`) > 50) AS `retort: fails (Subquery returns more than 1 row) when users.name holds values varchar(50) would not keep unchanged`;
SET @retort_sql_mode = @@SESSION.sql_mode;
SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');
-- review: changes the type of users.name from varchar(100) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name';
SET SESSION sql_mode = @retort_sql_mode;
