-- up
-- review: changes the storage engine of users: rewrites the table
ALTER TABLE `users` ENGINE = Aria;
-- review: changes table options of users: may rebuild the table
ALTER TABLE `users` checksum=1 stats_persistent=0 row_format=DEFAULT;
-- review: converts every text column of users to utf8mb3_general_ci: rewrites the table
ALTER TABLE `users` CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name';
ALTER TABLE `users` COMMENT = 'it''s people';
-- down
ALTER TABLE `users` COMMENT = 'people who sign in';
-- review: changes the storage engine of users: rewrites the table
ALTER TABLE `users` ENGINE = InnoDB;
-- review: changes table options of users: may rebuild the table
ALTER TABLE `users` row_format=DYNAMIC stats_persistent=1 checksum=0;
-- review: converts every text column of users to utf8mb4_general_ci: rewrites the table
ALTER TABLE `users` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `users` MODIFY COLUMN `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name';
