-- upgrade
ALTER TABLE `customers` ADD COLUMN `tier` varchar(10) NOT NULL DEFAULT 'free' AFTER `name`;

ALTER TABLE `customers` ADD COLUMN `credits` int(11) NOT NULL DEFAULT 100 AFTER `tier`;

ALTER TABLE `customers` ADD COLUMN `joined` timestamp NOT NULL DEFAULT current_timestamp() AFTER `credits`;

ALTER TABLE `customers` ADD COLUMN `ref` varchar(10);

-- downgrade
-- REVIEW: drops column customers.ref and its data
ALTER TABLE `customers` DROP COLUMN `ref`;

-- REVIEW: drops column customers.joined and its data
ALTER TABLE `customers` DROP COLUMN `joined`;

-- REVIEW: drops column customers.credits and its data
ALTER TABLE `customers` DROP COLUMN `credits`;

-- REVIEW: drops column customers.tier and its data
ALTER TABLE `customers` DROP COLUMN `tier`;
