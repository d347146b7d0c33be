-- upgrade
ALTER TABLE `words` MODIFY COLUMN `w` varchar(20);

ALTER TABLE `words` MODIFY COLUMN `k` varchar(20) COLLATE utf8mb4_bin;

-- downgrade
ALTER TABLE `words` MODIFY COLUMN `k` varchar(20);

ALTER TABLE `words` MODIFY COLUMN `w` varchar(20) COLLATE latin1_swedish_ci;
