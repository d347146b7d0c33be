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

SELECT (SELECT 1 FROM `t` WHERE CHAR_LENGTH(`a`) > 20 UNION ALL SELECT 1 FROM `t` WHERE CHAR_LENGTH(`a`) > 20) AS `retort: fails (Subquery returns more than 1 row) when t.a holds values varchar(20) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of t.a from varchar(40) to varchar(20): strings longer than 20 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20);

SET SESSION sql_mode = @retort_sql_mode;

CREATE VIEW `v_change` AS select `t`.`id` AS `id`,`t`.`b` AS `b` from `t`;

CREATE VIEW `v_keep` AS select `t`.`id` AS `id`,`t`.`a` AS `a` from `t`;

CREATE VIEW `v_old` AS select `t`.`id` AS `id` from `t`;
