-- upgrade
ALTER TABLE `accounts` RENAME COLUMN `id` TO `Id`;

ALTER TABLE `accounts` RENAME COLUMN `email` TO `Email`;

ALTER TABLE `accounts` RENAME COLUMN `score` TO `Score`;

ALTER TABLE `orders` RENAME COLUMN `id` TO `ID`;

ALTER TABLE `orders` RENAME COLUMN `account_id` TO `Account_ID`;

ALTER TABLE `accounts` ADD COLUMN `note` varchar(10);

-- downgrade
-- REVIEW: drops column accounts.note and its data
ALTER TABLE `accounts` DROP COLUMN `note`;

ALTER TABLE `orders` RENAME COLUMN `Account_ID` TO `account_id`;

ALTER TABLE `orders` RENAME COLUMN `ID` TO `id`;

ALTER TABLE `accounts` RENAME COLUMN `Score` TO `score`;

ALTER TABLE `accounts` RENAME COLUMN `Email` TO `email`;

ALTER TABLE `accounts` RENAME COLUMN `Id` TO `id`;
