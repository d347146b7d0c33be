-- up
ALTER TABLE `shop`.`orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `shop`.`orders` DROP INDEX `user_id`, ADD INDEX `user_id` (`user_id`), ADD CONSTRAINT `orders_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE SET NULL;
ALTER TABLE `shop`.`orders` DROP CONSTRAINT `ck_old`;
ALTER TABLE `shop`.`orders` ADD CONSTRAINT `ck_new` CHECK (`id` > 0);
ALTER TABLE `shop`.`orders` RENAME INDEX `uq_old` TO `uq_new`;
-- down
ALTER TABLE `shop`.`orders` RENAME INDEX `uq_new` TO `uq_old`;
ALTER TABLE `shop`.`orders` DROP CONSTRAINT `ck_new`;
ALTER TABLE `shop`.`orders` ADD CONSTRAINT `ck_old` CHECK (`id` > 0);
ALTER TABLE `shop`.`orders` DROP FOREIGN KEY `orders_ibfk_1`;
ALTER TABLE `shop`.`orders` DROP INDEX `user_id`, ADD INDEX `user_id` (`user_id`), ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE SET NULL;
