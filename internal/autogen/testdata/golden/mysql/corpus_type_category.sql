-- upgrade
ALTER TABLE `m` MODIFY COLUMN `code` varchar(20);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.num from varchar(10) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `num` int(11);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `body` text;

ALTER TABLE `m` MODIFY COLUMN `f` decimal(10,2);

SELECT (SELECT 1 FROM `m` WHERE CHAR_LENGTH(`t`) > 100 UNION ALL SELECT 1 FROM `m` WHERE CHAR_LENGTH(`t`) > 100) AS `retort: fails (Subquery returns more than 1 row) when m.t holds values varchar(100) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.t from text to varchar(100): strings longer than 100 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `t` varchar(100);

SET SESSION sql_mode = @retort_sql_mode;

-- downgrade
ALTER TABLE `m` MODIFY COLUMN `t` text;

ALTER TABLE `m` MODIFY COLUMN `f` double;

SELECT (SELECT 1 FROM `m` WHERE CHAR_LENGTH(`body`) > 200 UNION ALL SELECT 1 FROM `m` WHERE CHAR_LENGTH(`body`) > 200) AS `retort: fails (Subquery returns more than 1 row) when m.body holds values varchar(200) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.body from text to varchar(200): strings longer than 200 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `body` varchar(200);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `m` MODIFY COLUMN `num` varchar(10);

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of m.code from varchar(20) to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `m` MODIFY COLUMN `code` int(11);

SET SESSION sql_mode = @retort_sql_mode;
