-- upgrade
ALTER TABLE `Parents` ADD COLUMN `born` int(11);

-- downgrade
-- REVIEW: drops column Parents.born and its data
ALTER TABLE `Parents` DROP COLUMN `born`;
