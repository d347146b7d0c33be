-- upgrade
CREATE TABLE `invites` (
    `id` int(11) NOT NULL,
    `team_id` int(11) NOT NULL,
    `email` varchar(50) NOT NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `invites_team_email` (`team_id`, `email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `profiles` (
    `user_id` int(11) NOT NULL,
    `avatar` varchar(100),
    PRIMARY KEY (`user_id`),
    CONSTRAINT `profiles_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: sets NOT NULL on teams.name: fails if it holds NULLs
ALTER TABLE `teams` MODIFY COLUMN `name` varchar(40) NOT NULL;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `teams_name` ON `teams` (`name`);

ALTER TABLE `users` ADD COLUMN `team_id` int(11);

-- REVIEW: drops column users.avatar and its data
ALTER TABLE `users` DROP COLUMN `avatar`;

CREATE INDEX `users_team` ON `users` (`team_id`);

ALTER TABLE `users` ADD CONSTRAINT `users_team` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`);

ALTER TABLE `invites` ADD CONSTRAINT `invites_team` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`);

-- REVIEW: drops table old_flags and all its data
DROP TABLE `old_flags`;

-- downgrade
CREATE TABLE `old_flags` (
    `id` int(11) NOT NULL,
    `flag` varchar(10),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `invites` DROP FOREIGN KEY `invites_team`;

ALTER TABLE `users` DROP FOREIGN KEY `users_team`;

DROP INDEX `users_team` ON `users`;

ALTER TABLE `users` ADD COLUMN `avatar` varchar(100);

-- REVIEW: drops column users.team_id and its data
ALTER TABLE `users` DROP COLUMN `team_id`;

DROP INDEX `teams_name` ON `teams`;

SELECT (SELECT 1 FROM `teams` WHERE CHAR_LENGTH(`name`) > 20 UNION ALL SELECT 1 FROM `teams` WHERE CHAR_LENGTH(`name`) > 20) AS `retort: fails (Subquery returns more than 1 row) when teams.name holds values varchar(20) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of teams.name from varchar(40) to varchar(20): strings longer than 20 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `teams` MODIFY COLUMN `name` varchar(20);

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops table profiles and all its data
DROP TABLE `profiles`;

-- REVIEW: drops table invites and all its data
DROP TABLE `invites`;
