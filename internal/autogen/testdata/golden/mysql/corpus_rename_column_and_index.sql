-- upgrade
ALTER TABLE `users` RENAME COLUMN `mail` TO `email`;

DROP INDEX `users_mail_key` ON `users`;

ALTER TABLE `users` RENAME INDEX `users_mail_ix` TO `users_email_ix`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`, `org`);

-- downgrade
DROP INDEX `users_email_key` ON `users`;

ALTER TABLE `users` RENAME INDEX `users_email_ix` TO `users_mail_ix`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `users_mail_key` ON `users` (`email`);

ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;
