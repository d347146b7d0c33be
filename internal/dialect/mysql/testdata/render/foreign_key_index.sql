-- up
ALTER TABLE `shop`.`orders` DROP INDEX `user_id`, ADD INDEX `ix_user_id` (`user_id`, `id`);
-- down
ALTER TABLE `shop`.`orders` DROP INDEX `ix_user_id`, ADD INDEX `user_id` (`user_id`);
