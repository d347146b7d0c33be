-- upgrade
-- REVIEW: likely rename: column member.grp_id is dropped (with its data) and member.team_id added with the same type. If it is a rename, generate again with --rename member.grp_id=team_id

ALTER TABLE `member` DROP FOREIGN KEY `member_ibfk_1`;

CREATE TABLE `team` (
    `id` int(11) NOT NULL,
    `name` varchar(40) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `member_team` (
    `id` int(11) NOT NULL,
    `member_id` int(11) NOT NULL,
    `team_id` int(11) NOT NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `member_id` (`member_id`, `team_id`),
    KEY `team_id` (`team_id`),
    CONSTRAINT `member_team_ibfk_1` FOREIGN KEY (`member_id`) REFERENCES `member` (`id`),
    CONSTRAINT `member_team_ibfk_2` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

DROP INDEX `grp_id` ON `member`;

ALTER TABLE `member` ADD COLUMN `team_id` int(11);

-- REVIEW: drops column member.grp_id and its data
ALTER TABLE `member` DROP COLUMN `grp_id`;

CREATE INDEX `team_id` ON `member` (`team_id`);

ALTER TABLE `member` DROP INDEX `team_id`, ADD INDEX `team_id` (`team_id`), ADD CONSTRAINT `member_ibfk_1` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`);

-- REVIEW: drops table member_grp and all its data
DROP TABLE `member_grp`;

-- REVIEW: drops table grp and all its data
DROP TABLE `grp`;

-- downgrade
CREATE TABLE `grp` (
    `id` int(11) NOT NULL,
    `name` varchar(20),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `member_grp` (
    `member_id` int(11) NOT NULL,
    `grp_id` int(11) NOT NULL,
    PRIMARY KEY (`member_id`, `grp_id`),
    KEY `grp_id` (`grp_id`),
    CONSTRAINT `member_grp_ibfk_1` FOREIGN KEY (`member_id`) REFERENCES `member` (`id`),
    CONSTRAINT `member_grp_ibfk_2` FOREIGN KEY (`grp_id`) REFERENCES `grp` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `member` DROP FOREIGN KEY `member_ibfk_1`;

DROP INDEX `team_id` ON `member`;

ALTER TABLE `member` ADD COLUMN `grp_id` int(11);

-- REVIEW: drops column member.team_id and its data
ALTER TABLE `member` DROP COLUMN `team_id`;

CREATE INDEX `grp_id` ON `member` (`grp_id`);

-- REVIEW: drops table member_team and all its data
DROP TABLE `member_team`;

-- REVIEW: drops table team and all its data
DROP TABLE `team`;

ALTER TABLE `member` DROP INDEX `grp_id`, ADD INDEX `grp_id` (`grp_id`), ADD CONSTRAINT `member_ibfk_1` FOREIGN KEY (`grp_id`) REFERENCES `grp` (`id`);
