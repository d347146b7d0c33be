-- upgrade
-- REVIEW: drops column people.nickname and its data
ALTER TABLE `people` DROP COLUMN `nickname`;

-- REVIEW: drops column people.age and its data
ALTER TABLE `people` DROP COLUMN `age`;

-- downgrade
ALTER TABLE `people` ADD COLUMN `age` int(11);

ALTER TABLE `people` ADD COLUMN `nickname` varchar(30) AFTER `id`;
