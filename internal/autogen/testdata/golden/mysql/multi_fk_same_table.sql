-- upgrade
-- REVIEW: likely rename: column match_.away_id is dropped (with its data) and match_.referee_id added with the same type. If it is a rename, generate again with --rename match_.away_id=referee_id

ALTER TABLE `match_` DROP FOREIGN KEY `match__ibfk_2`;

ALTER TABLE `match_` DROP FOREIGN KEY `match__ibfk_3`;

CREATE TABLE `team` (
    `id` int(11) NOT NULL,
    `name` varchar(20),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

DROP INDEX `away_id` ON `match_`;

ALTER TABLE `match_` ADD COLUMN `referee_id` int(11) AFTER `home_id`;

-- REVIEW: drops column match_.away_id and its data
ALTER TABLE `match_` DROP COLUMN `away_id`;

CREATE INDEX `referee_id` ON `match_` (`referee_id`);

ALTER TABLE `match_` DROP INDEX `referee_id`, ADD INDEX `referee_id` (`referee_id`), ADD CONSTRAINT `match__ibfk_2` FOREIGN KEY (`referee_id`) REFERENCES `person` (`id`) ON DELETE SET NULL;

ALTER TABLE `match_` DROP INDEX `team_id`, ADD INDEX `team_id` (`team_id`), ADD CONSTRAINT `match__ibfk_3` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`);

-- REVIEW: drops table legacy_team and all its data
DROP TABLE `legacy_team`;

-- downgrade
CREATE TABLE `legacy_team` (
    `id` int(11) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `match_` DROP FOREIGN KEY `match__ibfk_3`;

ALTER TABLE `match_` DROP FOREIGN KEY `match__ibfk_2`;

DROP INDEX `referee_id` ON `match_`;

ALTER TABLE `match_` ADD COLUMN `away_id` int(11) AFTER `home_id`;

-- REVIEW: drops column match_.referee_id and its data
ALTER TABLE `match_` DROP COLUMN `referee_id`;

CREATE INDEX `away_id` ON `match_` (`away_id`);

-- REVIEW: drops table team and all its data
DROP TABLE `team`;

ALTER TABLE `match_` DROP INDEX `team_id`, ADD INDEX `team_id` (`team_id`), ADD CONSTRAINT `match__ibfk_3` FOREIGN KEY (`team_id`) REFERENCES `legacy_team` (`id`);

ALTER TABLE `match_` DROP INDEX `away_id`, ADD INDEX `away_id` (`away_id`), ADD CONSTRAINT `match__ibfk_2` FOREIGN KEY (`away_id`) REFERENCES `person` (`id`);
