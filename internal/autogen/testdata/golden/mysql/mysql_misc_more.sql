-- upgrade
DROP INDEX `ix_title` ON `doc`;

ALTER TABLE `doc` MODIFY COLUMN `token` char(36) DEFAULT (uuid());

ALTER TABLE `doc` MODIFY COLUMN `title` varchar(100) COLLATE utf8mb4_bin;

ALTER TABLE `doc` MODIFY COLUMN `perms` set('r','w','x') DEFAULT 'r,w';

ALTER TABLE `doc` ADD COLUMN `price_tax` decimal(10,2) GENERATED ALWAYS AS (`price` * 1.2) STORED;

CREATE INDEX `ix_body` ON `doc` (`body`(50));

CREATE INDEX `ix_title` ON `doc` (`title`);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `doc` MODIFY COLUMN `price` decimal(8,2) CHECK (`price` >= 0);

-- downgrade
ALTER TABLE `doc` MODIFY COLUMN `price` decimal(8,2);

DROP INDEX `ix_title` ON `doc`;

DROP INDEX `ix_body` ON `doc`;

ALTER TABLE `doc` DROP COLUMN `price_tax`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of doc.perms from set('r','w','x') to set('r','w'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `doc` MODIFY COLUMN `perms` set('r','w') DEFAULT 'r';

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `doc` MODIFY COLUMN `title` varchar(100) COLLATE latin1_swedish_ci;

ALTER TABLE `doc` MODIFY COLUMN `token` char(36);

CREATE INDEX `ix_title` ON `doc` (`title`) COMMENT 'by title';
