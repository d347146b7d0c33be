-- up
ALTER TABLE `shop`.`orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `shop`.`orders` DROP INDEX `user_id`, ADD INDEX `user_id` (`user_id`), ADD CONSTRAINT `fk_orders_user2` FOREIGN KEY (`user_id`) REFERENCES `shop`.`users` (`id`);
-- down
ALTER TABLE `shop`.`orders` DROP FOREIGN KEY `fk_orders_user2`;
ALTER TABLE `shop`.`orders` DROP INDEX `user_id`, ADD INDEX `user_id` (`user_id`), ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE SET NULL;
