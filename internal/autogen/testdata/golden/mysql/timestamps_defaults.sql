-- upgrade
ALTER TABLE `users` ADD COLUMN `verified` tinyint(1) NOT NULL DEFAULT 0 AFTER `active`;

ALTER TABLE `users` ADD COLUMN `created_at` timestamp NOT NULL DEFAULT current_timestamp() AFTER `verified`;

ALTER TABLE `users` ADD COLUMN `updated_at` timestamp NULL AFTER `created_at`;

ALTER TABLE `users` ADD COLUMN `deleted_at` timestamp NULL;

ALTER TABLE `users` MODIFY COLUMN `active` tinyint(1) DEFAULT 1;

CREATE INDEX `ix_users_live` ON `users` (`email`, `created_at`);

-- downgrade
DROP INDEX `ix_users_live` ON `users`;

ALTER TABLE `users` MODIFY COLUMN `active` tinyint(1);

-- REVIEW: drops column users.deleted_at and its data
ALTER TABLE `users` DROP COLUMN `deleted_at`;

-- REVIEW: drops column users.updated_at and its data
ALTER TABLE `users` DROP COLUMN `updated_at`;

-- REVIEW: drops column users.created_at and its data
ALTER TABLE `users` DROP COLUMN `created_at`;

-- REVIEW: drops column users.verified and its data
ALTER TABLE `users` DROP COLUMN `verified`;
