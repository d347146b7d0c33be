-- upgrade
ALTER TABLE `labels` MODIFY COLUMN `name` varchar(20) COLLATE utf8mb4_bin;

ALTER TABLE `notes` MODIFY COLUMN `tag` varchar(10);

-- REVIEW: converts every text column of notes to utf8mb4_unicode_ci: rewrites the table
ALTER TABLE `notes` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `notes` MODIFY COLUMN `body` text;

-- downgrade
-- REVIEW: converts every text column of notes to utf8mb3_general_ci: rewrites the table
ALTER TABLE `notes` CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci;

ALTER TABLE `notes` MODIFY COLUMN `body` text;

ALTER TABLE `notes` MODIFY COLUMN `tag` varchar(10) COLLATE utf8mb4_bin;

ALTER TABLE `notes` MODIFY COLUMN `tag` varchar(10) COLLATE utf8mb4_bin;

ALTER TABLE `labels` MODIFY COLUMN `name` varchar(20);
