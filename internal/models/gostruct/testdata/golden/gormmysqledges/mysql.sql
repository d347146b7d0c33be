CREATE TABLE `events` (
    `id` bigint unsigned auto_increment,
    `at` timestamp NULL,
    `opt` timestamp(3) NULL,
    `body` text,
    `code` varchar(40),
    `note` varchar(20) COMMENT 'a
b',
    PRIMARY KEY (`id`)
);
CREATE FULLTEXT INDEX `idx_events_body` ON `events` (`body`) COMMENT 'search it';
CREATE INDEX `idx_events_code` ON `events` (`code`);
