-- up
DROP INDEX `uq_users_email` ON `users`;
-- review: fails if existing rows hold duplicates
ALTER TABLE `users` ADD CONSTRAINT `uq_name` UNIQUE (`name`, `email`);
DROP INDEX `ix_users_name` ON `users`;
-- review: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_email` ON `users` (`email`);
ALTER TABLE `users` RENAME INDEX `ix_users_ft` TO `ix_ft`;
-- down
ALTER TABLE `users` RENAME INDEX `ix_ft` TO `ix_users_ft`;
DROP INDEX `ix_email` ON `users`;
CREATE INDEX `ix_users_name` ON `users` (`name`(10) DESC) COMMENT 'lookup';
DROP INDEX `uq_name` ON `users`;
-- review: fails if existing rows hold duplicates
ALTER TABLE `users` ADD CONSTRAINT `uq_users_email` UNIQUE (`email`);
