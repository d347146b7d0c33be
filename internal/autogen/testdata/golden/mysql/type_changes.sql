-- upgrade
ALTER TABLE `t` MODIFY COLUMN `a` varchar(200);

ALTER TABLE `t` MODIFY COLUMN `b` bigint(20);

ALTER TABLE `t` MODIFY COLUMN `c` decimal(12,4);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.d from varchar(10) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `d` int(11);

SET SESSION sql_mode = @retort_sql_mode;

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `d` varchar(10);

SELECT (SELECT 1 FROM `t` WHERE `c` <> ROUND(`c`, 2) UNION ALL SELECT 1 FROM `t` WHERE `c` <> ROUND(`c`, 2)) AS `retort: fails (Subquery returns more than 1 row) when t.c holds values decimal(8,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.c from decimal(12,4) to decimal(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `c` decimal(8,2);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.b from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `b` int(11);

SET SESSION sql_mode = @retort_sql_mode;

SELECT (SELECT 1 FROM `t` WHERE CHAR_LENGTH(`a`) > 50 UNION ALL SELECT 1 FROM `t` WHERE CHAR_LENGTH(`a`) > 50) AS `retort: fails (Subquery returns more than 1 row) when t.a holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.a from varchar(200) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `a` varchar(50);

SET SESSION sql_mode = @retort_sql_mode;
