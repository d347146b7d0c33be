CREATE TABLE `authors` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `email` varchar(320) NOT NULL,
    `name` varchar(100) NOT NULL COMMENT 'Name is shown under each article (the column comment).',
    `twitter` varchar(50),
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `updated_at` datetime(6),
    PRIMARY KEY (`id`),
    UNIQUE KEY (`email`)
) COMMENT='People who write for the site.';
CREATE TABLE `articles` (
    `id` char(36) NOT NULL DEFAULT (uuid()),
    `author_id` bigint NOT NULL,
    `slug` varchar(200) NOT NULL,
    `status` ENUM('draft', 'published', 'archived') NOT NULL DEFAULT 'draft',
    `price` decimal(10,2) NOT NULL,
    `fee` decimal(12,2) NOT NULL,
    `meta` json,
    `body` varchar(255) NOT NULL,
    `rank` double NOT NULL,
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `updated_at` datetime(6),
    PRIMARY KEY (`id`),
    UNIQUE KEY `uq_articles_author_slug` (`author_id`, `slug`),
    CHECK (price >= 0),
    FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON DELETE CASCADE
);
CREATE INDEX `ix_articles_author_id` ON `articles` (`author_id`);
CREATE INDEX `ix_articles_rank` ON `articles` (`rank` DESC);
CREATE TABLE `article_tags` (
    `article_id` char(36) NOT NULL,
    `tag` varchar(40) NOT NULL,
    PRIMARY KEY (`article_id`, `tag`),
    FOREIGN KEY (`article_id`) REFERENCES `articles` (`id`)
);
