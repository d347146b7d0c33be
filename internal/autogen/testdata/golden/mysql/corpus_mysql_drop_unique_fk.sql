-- upgrade
ALTER TABLE `members` DROP INDEX `members_group`, DROP INDEX `members_group_pos`, ADD INDEX `members_group_pos` (`group_id`, `pos`);

-- downgrade
-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE `members` DROP INDEX `members_group_pos`, ADD UNIQUE INDEX `members_group_pos` (`group_id`, `pos`), ADD INDEX `members_group` (`group_id`);
