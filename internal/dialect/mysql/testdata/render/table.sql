-- up
CREATE TABLE `users` (
    `id` int(11) NOT NULL AUTO_INCREMENT,
    `name` varchar(50) COLLATE utf8mb4_bin DEFAULT 'anon' COMMENT 'display name',
    `email` varchar(255) NOT NULL,
    `created` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
    `score` int(11) DEFAULT (1 + 1) CHECK (`score` < 100),
    `half` int(11) GENERATED ALWAYS AS (`score` / 2) VIRTUAL,
    `seen` timestamp NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `uq_users_email` (`email`),
    KEY `ix_users_name` (`name`(10) DESC) COMMENT 'lookup',
    FULLTEXT KEY `ix_users_ft` (`email`),
    UNIQUE KEY `ix_users_expr` ((lower(`email`))) USING HASH,
    CONSTRAINT `ck_users_score` CHECK (`score` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci row_format=DYNAMIC stats_persistent=1 COMMENT='people who sign in';
CREATE TABLE `shop`.`orders` (
    `id` bigint(20) unsigned NOT NULL,
    `user_id` int(11),
    PRIMARY KEY (`id`),
    KEY `user_id` (`user_id`),
    CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE SET NULL
);
-- down
-- review: drops table orders and all its data
DROP TABLE `shop`.`orders`;
-- review: drops table users and all its data
DROP TABLE `users`;
