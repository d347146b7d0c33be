-- up
CREATE VIEW `shop`.`names` AS select `users`.`name` AS `name` from `users`;
-- down
DROP VIEW `shop`.`names`;
