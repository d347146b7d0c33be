-- upgrade
DROP VIEW `legacy_v`;

DROP VIEW `kept_v`;

CREATE TABLE `fresh` (
    `id` int(11) NOT NULL,
    `kept_id` int(11),
    PRIMARY KEY (`id`),
    KEY `kept_id` (`kept_id`),
    CONSTRAINT `fresh_ibfk_1` FOREIGN KEY (`kept_id`) REFERENCES `kept` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: drops table legacy and all its data
DROP TABLE `legacy`;

CREATE VIEW `fresh_v` AS select `fresh`.`id` AS `id` from `fresh`;

CREATE VIEW `kept_v` AS select `k`.`id` AS `id`,`f`.`id` AS `fresh_id` from (`kept` `k` left join `fresh` `f` on(`f`.`kept_id` = `k`.`id`));

-- downgrade
DROP VIEW `kept_v`;

DROP VIEW `fresh_v`;

CREATE TABLE `legacy` (
    `id` int(11) NOT NULL,
    `v` int(11),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: drops table fresh and all its data
DROP TABLE `fresh`;

CREATE VIEW `kept_v` AS select `kept`.`id` AS `id` from `kept`;

CREATE VIEW `legacy_v` AS select `legacy`.`id` AS `id`,`legacy`.`v` AS `v` from `legacy`;
