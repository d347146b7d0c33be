-- upgrade
ALTER TABLE `t` RENAME INDEX `old_name` TO `new_name`;

-- downgrade
ALTER TABLE `t` RENAME INDEX `new_name` TO `old_name`;
