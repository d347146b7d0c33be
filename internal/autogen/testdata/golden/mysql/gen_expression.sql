-- upgrade
ALTER TABLE `g` MODIFY COLUMN `total` int(11) GENERATED ALWAYS AS (`price` * `qty` + 1) STORED;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of g.label from varchar(20) to bigint(20): values outside bigint(20)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `g` MODIFY COLUMN `label` bigint(20) GENERATED ALWAYS AS (`price` + 2) STORED;

SET SESSION sql_mode = @retort_sql_mode;

-- downgrade
ALTER TABLE `g` MODIFY COLUMN `label` varchar(20) GENERATED ALWAYS AS (`price` + 1) STORED;

ALTER TABLE `g` MODIFY COLUMN `total` int(11) GENERATED ALWAYS AS (`price` * `qty`) STORED;
