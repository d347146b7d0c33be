-- upgrade
DROP VIEW `v_old`;

DROP VIEW `v_keep`;

DROP VIEW `v_change`;

ALTER TABLE `t` MODIFY COLUMN `a` varchar(40);

CREATE VIEW `v_change` AS select `t`.`id` AS `id`,`t`.`b` AS `b`,`t`.`a` AS `a` from `t` where `t`.`b` > 0;

CREATE VIEW `v_keep` AS select `t`.`id` AS `id`,`t`.`a` AS `a` from `t`;

CREATE VIEW `v_new` AS select `v_keep`.`id` AS `id` from `v_keep`;

-- downgrade
DROP VIEW `v_new`;

DROP VIEW `v_keep`;

DROP VIEW `v_change`;

-- REVIEW: changes the type of t.a from varchar(40) to varchar(20): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20);

CREATE VIEW `v_change` AS select `t`.`id` AS `id`,`t`.`b` AS `b` from `t`;

CREATE VIEW `v_keep` AS select `t`.`id` AS `id`,`t`.`a` AS `a` from `t`;

CREATE VIEW `v_old` AS select `t`.`id` AS `id` from `t`;
