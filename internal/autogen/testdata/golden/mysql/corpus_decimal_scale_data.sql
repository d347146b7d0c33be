-- upgrade
SELECT (SELECT 1 FROM `ledger` WHERE `amount` <> ROUND(`amount`, 2) UNION ALL SELECT 1 FROM `ledger` WHERE `amount` <> ROUND(`amount`, 2)) AS `retort: fails (Subquery returns more than 1 row) when ledger.amount holds values decimal(10,2) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of ledger.amount from decimal(12,4) to decimal(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `ledger` MODIFY COLUMN `amount` decimal(10,2);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `ledger` MODIFY COLUMN `fee` decimal(10,2);

ALTER TABLE `ledger` MODIFY COLUMN `units` decimal(10,3);

-- downgrade
SELECT (SELECT 1 FROM `ledger` WHERE `units` <> ROUND(`units`) UNION ALL SELECT 1 FROM `ledger` WHERE `units` <> ROUND(`units`)) AS `retort: fails (Subquery returns more than 1 row) when ledger.units holds values int(11) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of ledger.units from decimal(10,3) to int(11): values outside int(11)'s range or with a fractional part fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `ledger` MODIFY COLUMN `units` int(11);

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of ledger.fee from decimal(10,2) to decimal(6,2): values of 5 or more digits before the point, or with more than 2 after it, fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `ledger` MODIFY COLUMN `fee` decimal(6,2);

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `ledger` MODIFY COLUMN `amount` decimal(12,4);
