-- up
ALTER TABLE `users` ADD COLUMN `id` int(11) NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`);
-- down
-- review: drops column users.id and its data
ALTER TABLE `users` DROP PRIMARY KEY, DROP COLUMN `id`;
