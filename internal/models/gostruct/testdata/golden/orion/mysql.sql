CREATE TABLE `contents` (
    `id` char(36) NOT NULL,
    `title` varchar(255) NOT NULL,
    `body` text NOT NULL,
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (`id`)
);
CREATE TABLE `publish_records` (
    `id` char(36) NOT NULL,
    `content_id` char(36) NOT NULL,
    `platform` varchar(50) NOT NULL,
    `status` varchar(20) NOT NULL,
    `published_at` datetime(6),
    PRIMARY KEY (`id`),
    FOREIGN KEY (`content_id`) REFERENCES `contents` (`id`)
);
CREATE TABLE `trends` (
    `id` char(36) NOT NULL,
    `keyword` varchar(100) NOT NULL,
    `score` double NOT NULL,
    `detected_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (`id`),
    UNIQUE KEY (`keyword`)
);
CREATE INDEX `ix_trends_score` ON `trends` (`score`);
