-- upgrade
ALTER TABLE `players` ADD COLUMN `captain_of` int(11);

CREATE INDEX `players_captain` ON `players` (`captain_of`);

CREATE INDEX `players_team_id` ON `players` (`team_id`);

ALTER TABLE `players` ADD CONSTRAINT `players_captain` FOREIGN KEY (`captain_of`) REFERENCES `teams` (`id`) ON DELETE SET NULL;

ALTER TABLE `players` ADD CONSTRAINT `players_team` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`);

-- downgrade
ALTER TABLE `players` DROP FOREIGN KEY `players_team`;

ALTER TABLE `players` DROP FOREIGN KEY `players_captain`;

DROP INDEX `players_team_id` ON `players`;

DROP INDEX `players_captain` ON `players`;

-- REVIEW: drops column players.captain_of and its data
ALTER TABLE `players` DROP COLUMN `captain_of`;
