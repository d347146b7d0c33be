-- up
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE `users` DROP PRIMARY KEY, ADD PRIMARY KEY (`email`);
-- review: drops column users.id and its data
ALTER TABLE `users` DROP COLUMN `id`;
-- down
-- review: fails if existing rows hold duplicates or NULLs
ALTER TABLE `users` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `email`);
-- review: adds NOT NULL column users.id without a default: existing rows get the type's zero value
ALTER TABLE `users` ADD COLUMN `id` int(11) NOT NULL FIRST;
