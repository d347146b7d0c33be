-- up
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL FIRST;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name' AFTER `id`;
-- down
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name' AFTER `id`;
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL AFTER `name`;
