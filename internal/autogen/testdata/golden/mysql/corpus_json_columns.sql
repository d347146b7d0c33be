-- upgrade
ALTER TABLE `docs` ADD COLUMN `extra` longtext COLLATE utf8mb4_bin CHECK (json_valid(`extra`));

ALTER TABLE `docs` MODIFY COLUMN `body` longtext COLLATE utf8mb4_bin CHECK (json_valid(`body`));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `docs` MODIFY COLUMN `body` longtext COLLATE utf8mb4_bin CHECK (json_valid(`body`));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `docs` MODIFY COLUMN `extra` longtext COLLATE utf8mb4_bin CHECK (json_valid(`extra`));

-- downgrade
ALTER TABLE `docs` MODIFY COLUMN `body` text;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of docs.body from longtext to text: values that text cannot hold fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `docs` MODIFY COLUMN `body` text;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column docs.extra and its data
ALTER TABLE `docs` DROP COLUMN `extra`;
