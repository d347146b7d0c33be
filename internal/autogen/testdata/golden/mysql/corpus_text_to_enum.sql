-- upgrade
SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tickets.state from varchar(10) to enum('open','closed','held'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tickets` MODIFY COLUMN `state` enum('open','closed','held') NOT NULL DEFAULT 'open';

SET SESSION sql_mode = @retort_sql_mode;

-- downgrade
ALTER TABLE `tickets` MODIFY COLUMN `state` varchar(10) NOT NULL DEFAULT 'open';
