-- upgrade
DROP INDEX `g_total` ON `g`;

ALTER TABLE `g` DROP COLUMN `total`;

ALTER TABLE `g` ADD COLUMN `total` int(11) GENERATED ALWAYS AS (`price` * `qty`) STORED AFTER `qty`;

ALTER TABLE `g` DROP COLUMN `doubled`;

ALTER TABLE `g` ADD COLUMN `doubled` int(11) GENERATED ALWAYS AS (`price` * 2) VIRTUAL;

CREATE INDEX `g_total` ON `g` (`total`);

-- downgrade
DROP INDEX `g_total` ON `g`;

ALTER TABLE `g` DROP COLUMN `doubled`;

ALTER TABLE `g` ADD COLUMN `doubled` int(11) GENERATED ALWAYS AS (`price` * 2) STORED;

ALTER TABLE `g` DROP COLUMN `total`;

ALTER TABLE `g` ADD COLUMN `total` int(11) GENERATED ALWAYS AS (`price` * `qty`) VIRTUAL AFTER `qty`;

CREATE INDEX `g_total` ON `g` (`total`);
