CREATE TABLE `players` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `team_id` bigint NOT NULL,
    `mentor_id` bigint,
    `number` smallint NOT NULL,
    `nickname` varchar(30) NOT NULL DEFAULT 'rookie',
    PRIMARY KEY (`id`),
    CONSTRAINT `number_range` CHECK (number BETWEEN 0 AND 99),
    FOREIGN KEY (`mentor_id`) REFERENCES `players` (`id`)
);
CREATE TABLE `teams` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `name` varchar(60) NOT NULL,
    `captain_id` bigint,
    PRIMARY KEY (`id`),
    UNIQUE KEY (`name`),
    FOREIGN KEY (`captain_id`) REFERENCES `players` (`id`) ON DELETE SET NULL
);
ALTER TABLE `players` ADD CONSTRAINT `fk_players_team` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;
