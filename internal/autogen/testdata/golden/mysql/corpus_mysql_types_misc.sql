-- upgrade
-- REVIEW: sets NOT NULL on misc.flag: fails if it holds NULLs
ALTER TABLE `misc` MODIFY COLUMN `flag` tinyint(1) NOT NULL DEFAULT 1;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of misc.bits from bit(4) to bit(8): values that bit(8) cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `misc` MODIFY COLUMN `bits` bit(8);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `misc` MODIFY COLUMN `d` decimal(12,4);

ALTER TABLE `misc` MODIFY COLUMN `f` double;

-- REVIEW: sets NOT NULL on misc.uid: fails if it holds NULLs
ALTER TABLE `misc` MODIFY COLUMN `uid` binary(16) NOT NULL;

ALTER TABLE `misc` MODIFY COLUMN `kind` varchar(10) DEFAULT 'a';

ALTER TABLE `misc` MODIFY COLUMN `body` text DEFAULT 'none';

ALTER TABLE `misc` MODIFY COLUMN `n` int(11);

-- downgrade
SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of misc.n from int(11) to mediumint(9): values outside mediumint(9)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `misc` MODIFY COLUMN `n` mediumint(9);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `misc` MODIFY COLUMN `body` text;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of misc.kind from varchar(10) to enum('a','b'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `misc` MODIFY COLUMN `kind` enum('a','b') DEFAULT 'a';

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `misc` MODIFY COLUMN `uid` binary(16);

SELECT (SELECT 1 FROM `misc` WHERE `f` <> CAST(`f` AS FLOAT) UNION ALL SELECT 1 FROM `misc` WHERE `f` <> CAST(`f` AS FLOAT)) AS `retort: fails (Subquery returns more than 1 row) when misc.f holds values float would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of misc.f from double to float: values that float cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `misc` MODIFY COLUMN `f` float;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `misc` MODIFY COLUMN `d` double;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of misc.bits from bit(8) to bit(4): values that bit(4) cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `misc` MODIFY COLUMN `bits` bit(4);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `misc` MODIFY COLUMN `flag` tinyint(1) DEFAULT 0;
