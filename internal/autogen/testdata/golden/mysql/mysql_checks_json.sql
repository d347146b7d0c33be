-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `k` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b`);

ALTER TABLE `t` DROP CONSTRAINT `CONSTRAINT_1`;

ALTER TABLE `t` MODIFY COLUMN `a` int(11) CHECK (`a` >= 0);

ALTER TABLE `t` ADD COLUMN `b` int(11) CHECK (`b` <> 3) AFTER `a`;

-- REVIEW: adds NOT NULL column t.doc2 without a default: existing rows get the type's zero value
ALTER TABLE `t` ADD COLUMN `doc2` longtext COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(`doc2`)) AFTER `doc`;

ALTER TABLE `t` MODIFY COLUMN `created` datetime(3) DEFAULT current_timestamp(3);

ALTER TABLE `t` MODIFY COLUMN `n` int(11) DEFAULT (2 * 3);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`a` < 2000);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` MODIFY COLUMN `a` int(11) CHECK (`a` >= 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` MODIFY COLUMN `b` int(11) CHECK (`b` <> 3);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` MODIFY COLUMN `doc2` longtext COLLATE utf8mb4_bin NOT NULL CHECK (json_valid(`doc2`));

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `a` int(11) CHECK (`a` > 0);

ALTER TABLE `t` DROP CONSTRAINT `CONSTRAINT_1`;

ALTER TABLE `t` MODIFY COLUMN `n` int(11) DEFAULT (1 + 2);

SELECT (SELECT 1 FROM `t` WHERE MICROSECOND(`created`) % 1000000 <> 0 UNION ALL SELECT 1 FROM `t` WHERE MICROSECOND(`created`) % 1000000 <> 0) AS `retort: fails (Subquery returns more than 1 row) when t.created holds values datetime would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.created from datetime(3) to datetime: values with more than 0 fractional-second digits fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `created` datetime DEFAULT current_timestamp();

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column t.doc2 and its data
ALTER TABLE `t` DROP COLUMN `doc2`;

-- REVIEW: drops column t.b and its data
ALTER TABLE `t` DROP COLUMN `b`;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` MODIFY COLUMN `a` int(11) CHECK (`a` > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `t` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`a` < 1000);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `k` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`);
