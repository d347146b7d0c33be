CREATE TABLE `articles` (
    `id` bigint unsigned AUTO_INCREMENT,
    `slug` varchar(120),
    `body` text,
    `state` enum('draft','live') NOT NULL DEFAULT 'draft',
    `views` int unsigned NOT NULL DEFAULT 0,
    `ratio` float NOT NULL,
    `price` decimal(10, 2) COMMENT 'price in cents',
    `subtitle` varchar(300),
    `flags` tinyint unsigned,
    `pinned` boolean DEFAULT false,
    `blob` varbinary(1024),
    `published` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `edited` datetime(3),
    `key` varchar(30),
    `prefix` varchar(191),
    PRIMARY KEY (`id`, `key`)
);
CREATE UNIQUE INDEX `idx_articles_slug` ON `articles` (`slug`);
CREATE FULLTEXT INDEX `idx_articles_body` ON `articles` (`body`);
CREATE INDEX `idx_articles_prefix` ON `articles` (`prefix`(10));
CREATE TABLE `comments` (
    `id` bigint AUTO_INCREMENT,
    `article_id` bigint unsigned,
    `article_key` varchar(30),
    `text` varchar(2000) NOT NULL,
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_articles_comments` FOREIGN KEY (`article_id`, `article_key`) REFERENCES `articles` (`id`, `key`)
);
