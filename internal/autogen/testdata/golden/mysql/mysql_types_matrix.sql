-- upgrade
ALTER TABLE `tm` MODIFY COLUMN `id` int(10) unsigned NOT NULL;

ALTER TABLE `tm` MODIFY COLUMN `code` int(8) unsigned zerofill;

-- REVIEW: sets NOT NULL on tm.y: fails if it holds NULLs
ALTER TABLE `tm` MODIFY COLUMN `y` year(4) NOT NULL DEFAULT 2000;

ALTER TABLE `tm` MODIFY COLUMN `t` time(3);

-- REVIEW: sets NOT NULL on tm.uid: fails if it holds NULLs
ALTER TABLE `tm` MODIFY COLUMN `uid` binary(16) NOT NULL DEFAULT '0000000000000000';

ALTER TABLE `tm` MODIFY COLUMN `raw` varbinary(64);

ALTER TABLE `tm` MODIFY COLUMN `f` float(7,3);

ALTER TABLE `tm` MODIFY COLUMN `note` text;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.blobby from blob to longblob: values that longblob cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `blobby` longblob;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `tm` MODIFY COLUMN `flag` tinyint(1) DEFAULT 0;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.cnt from int(10) unsigned to int(11): values outside int(11)'s range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `cnt` int(11) DEFAULT 0;

SET SESSION sql_mode = @retort_sql_mode;

-- downgrade
SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.cnt from int(11) to int(10) unsigned: values outside int(10) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `cnt` int(10) unsigned DEFAULT 0;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `tm` MODIFY COLUMN `flag` tinyint(1) DEFAULT 1;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.blobby from longblob to blob: values that blob cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `blobby` blob;

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.note from text to tinytext: values that tinytext cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `note` tinytext;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `tm` MODIFY COLUMN `f` float;

ALTER TABLE `tm` MODIFY COLUMN `raw` varbinary(32);

ALTER TABLE `tm` MODIFY COLUMN `uid` binary(16);

SELECT (SELECT 1 FROM `tm` WHERE MICROSECOND(`t`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `tm` WHERE MICROSECOND(`t`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when tm.t holds values time would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.t from time(3) to time: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `t` time;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `tm` MODIFY COLUMN `y` year(4);

ALTER TABLE `tm` MODIFY COLUMN `code` int(6) unsigned zerofill;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of tm.id from int(10) unsigned to mediumint(8) unsigned: values outside mediumint(8) unsigned's range fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `tm` MODIFY COLUMN `id` mediumint(8) unsigned NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;
