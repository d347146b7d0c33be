-- up
ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) DEFAULT 'anon';
-- review: changes the type of users.email from varchar(255) to varchar(10): fails or truncates if existing values do not fit
ALTER TABLE `users` MODIFY COLUMN `email` varchar(10) NOT NULL;
-- review: sets NOT NULL on users.seen: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `seen` timestamp NOT NULL DEFAULT '2000-01-01 00:00:00';
ALTER TABLE `users` MODIFY COLUMN `created` timestamp NOT NULL DEFAULT current_timestamp();
-- down
ALTER TABLE `users` MODIFY COLUMN `created` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp();
ALTER TABLE `users` MODIFY COLUMN `seen` timestamp NULL;
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NOT NULL;
-- review: changes the type of users.name from varchar(100) to varchar(50): fails or truncates if existing values do not fit
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name';
