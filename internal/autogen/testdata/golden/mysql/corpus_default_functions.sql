-- upgrade
ALTER TABLE `events` ADD COLUMN `updated_at` datetime DEFAULT current_timestamp() ON UPDATE current_timestamp() AFTER `n`;

ALTER TABLE `events` ADD COLUMN `token` varchar(36) DEFAULT (uuid());

ALTER TABLE `events` MODIFY COLUMN `created_at` datetime DEFAULT current_timestamp();

ALTER TABLE `events` MODIFY COLUMN `kind` varchar(10) DEFAULT 'notice';

ALTER TABLE `events` MODIFY COLUMN `n` int(11);

-- downgrade
ALTER TABLE `events` MODIFY COLUMN `n` int(11) DEFAULT 0;

ALTER TABLE `events` MODIFY COLUMN `kind` varchar(10) DEFAULT 'info';

ALTER TABLE `events` MODIFY COLUMN `created_at` datetime;

-- REVIEW: drops column events.token and its data
ALTER TABLE `events` DROP COLUMN `token`;

-- REVIEW: drops column events.updated_at and its data
ALTER TABLE `events` DROP COLUMN `updated_at`;
