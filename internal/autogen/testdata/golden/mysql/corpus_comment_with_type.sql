-- upgrade
-- REVIEW: sets NOT NULL on acct.bal: fails if it holds NULLs
ALTER TABLE `acct` MODIFY COLUMN `bal` bigint(20) NOT NULL COMMENT 'balance in cents';

ALTER TABLE `acct` MODIFY COLUMN `owner` varchar(20) COMMENT 'login name';

-- downgrade
ALTER TABLE `acct` MODIFY COLUMN `owner` varchar(20) COMMENT 'login';

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of acct.bal from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `acct` MODIFY COLUMN `bal` int(11) COMMENT 'cents';

SET SESSION sql_mode = @retort_sql_mode;
