-- upgrade
-- REVIEW: sets NOT NULL on stamps.created: fails if it holds NULLs
ALTER TABLE `stamps` MODIFY COLUMN `created` timestamp NOT NULL DEFAULT current_timestamp();

-- REVIEW: sets NOT NULL on stamps.updated: fails if it holds NULLs
ALTER TABLE `stamps` MODIFY COLUMN `updated` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3);

ALTER TABLE `stamps` MODIFY COLUMN `seen` timestamp NULL;

-- downgrade
-- REVIEW: sets NOT NULL on stamps.seen: fails if it holds NULLs
ALTER TABLE `stamps` MODIFY COLUMN `seen` timestamp NOT NULL DEFAULT '2020-01-01 00:00:00';

SELECT (SELECT 1 FROM `stamps` WHERE MICROSECOND(`updated`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `stamps` WHERE MICROSECOND(`updated`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when stamps.updated holds values datetime would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of stamps.updated from datetime(3) to datetime: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `stamps` MODIFY COLUMN `updated` datetime;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `stamps` MODIFY COLUMN `created` timestamp NULL;
