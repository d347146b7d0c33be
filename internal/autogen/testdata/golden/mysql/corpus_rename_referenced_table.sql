-- upgrade
ALTER TABLE `customers` RENAME TO `clients`;

ALTER TABLE `clients` RENAME COLUMN `cname` TO `full_name`;

-- downgrade
ALTER TABLE `clients` RENAME COLUMN `full_name` TO `cname`;

ALTER TABLE `clients` RENAME TO `customers`;
