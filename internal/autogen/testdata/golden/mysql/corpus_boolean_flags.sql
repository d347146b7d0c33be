-- upgrade
-- REVIEW: likely rename: column features.legacy is dropped (with its data) and features.beta added with the same type. If it is a rename, generate again with --rename features.legacy=beta

ALTER TABLE `features` ADD COLUMN `beta` tinyint(1) NOT NULL DEFAULT 0;

-- REVIEW: sets NOT NULL on features.enabled: fails if it holds NULLs
ALTER TABLE `features` MODIFY COLUMN `enabled` tinyint(1) NOT NULL DEFAULT 1;

-- REVIEW: drops column features.legacy and its data
ALTER TABLE `features` DROP COLUMN `legacy`;

-- downgrade
ALTER TABLE `features` ADD COLUMN `legacy` tinyint(1) DEFAULT 0;

ALTER TABLE `features` MODIFY COLUMN `enabled` tinyint(1);

-- REVIEW: drops column features.beta and its data
ALTER TABLE `features` DROP COLUMN `beta`;
