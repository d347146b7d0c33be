-- upgrade
CREATE TABLE `posts` (
    `id` int(11) NOT NULL,
    `user_id` int(11) NOT NULL,
    `title` varchar(200) NOT NULL DEFAULT 'untitled',
    `body` text,
    PRIMARY KEY (`id`),
    KEY `ix_posts_user` (`user_id`),
    UNIQUE KEY `posts_title_uq` (`title`),
    CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- downgrade
-- REVIEW: drops table posts and all its data
DROP TABLE `posts`;
