-- up
-- review: adds NOT NULL column users.tenant without a default: existing rows get the type's zero value
ALTER TABLE `users` ADD COLUMN `tenant` int(11) NOT NULL FIRST;
ALTER TABLE `users` ADD COLUMN `nick` varchar(20) AFTER `name`;
-- review: adds NOT NULL column users.age without a default: existing rows get the type's zero value
ALTER TABLE `users` ADD COLUMN `age` tinyint(3) unsigned NOT NULL;
ALTER TABLE `users` DROP COLUMN `half`;
-- review: drops column users.seen and its data
ALTER TABLE `users` DROP COLUMN `seen`;
-- down
ALTER TABLE `users` ADD COLUMN `seen` timestamp NULL;
ALTER TABLE `users` ADD COLUMN `half` int(11) GENERATED ALWAYS AS (`score` / 2) VIRTUAL AFTER `score`;
-- review: drops column users.age and its data
ALTER TABLE `users` DROP COLUMN `age`;
-- review: drops column users.nick and its data
ALTER TABLE `users` DROP COLUMN `nick`;
-- review: drops column users.tenant and its data
ALTER TABLE `users` DROP COLUMN `tenant`;
