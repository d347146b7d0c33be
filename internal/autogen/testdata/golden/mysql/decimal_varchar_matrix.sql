-- upgrade
SELECT (SELECT 1 FROM `m` WHERE CHAR_LENGTH(`a`) > 5 UNION ALL SELECT 1 FROM `m` WHERE CHAR_LENGTH(`a`) > 5) AS `retort: fails (Subquery returns more than 1 row) when m.a holds values varchar(5) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.a from varchar(10) to varchar(5): strings longer than 5 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `a` varchar(5);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `b` decimal(12,4);

ALTER TABLE `m` MODIFY COLUMN `c` varchar(5);

SELECT (SELECT 1 FROM `m` WHERE CHAR_LENGTH(`d`) > 100 UNION ALL SELECT 1 FROM `m` WHERE CHAR_LENGTH(`d`) > 100) AS `retort: fails (Subquery returns more than 1 row) when m.d holds values varchar(100) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.d from text to varchar(100): strings longer than 100 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `d` varchar(100);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `e` int(11);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.f from bigint(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `f` int(11);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `h` decimal(7,2);

-- downgrade
SELECT (SELECT 1 FROM `m` WHERE `h` <> ROUND(`h`, 0) UNION ALL SELECT 1 FROM `m` WHERE `h` <> ROUND(`h`, 0)) AS `retort: fails (Subquery returns more than 1 row) when m.h holds values decimal(5,0) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.h from decimal(7,2) to decimal(5,0): values of 6 or more digits before the point, or with more than 0 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `h` decimal(5,0);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `f` bigint(20);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.e from int(11) to smallint(6): values outside smallint(6)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `e` smallint(6);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `d` text;

ALTER TABLE `m` MODIFY COLUMN `c` char(5);

SELECT (SELECT 1 FROM `m` WHERE `b` <> ROUND(`b`, 2) UNION ALL SELECT 1 FROM `m` WHERE `b` <> ROUND(`b`, 2)) AS `retort: fails (Subquery returns more than 1 row) when m.b holds values decimal(10,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.b from decimal(12,4) to decimal(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `b` decimal(10,2);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `a` varchar(10);
