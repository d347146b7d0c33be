-- up
-- review: sets NOT NULL on users.name: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin NOT NULL DEFAULT 'anon' COMMENT 'display name';
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE `users` DROP PRIMARY KEY, ADD PRIMARY KEY (`email`, `name`);
-- down
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE `users` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name';
