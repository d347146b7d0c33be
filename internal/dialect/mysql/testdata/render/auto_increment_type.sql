-- up
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint(20) NOT NULL;
-- down
-- review: changes the type of users.id from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;
