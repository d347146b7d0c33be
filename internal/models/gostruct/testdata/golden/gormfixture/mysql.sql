CREATE TABLE `categories` (
    `id` bigint unsigned AUTO_INCREMENT,
    `parent_id` bigint unsigned,
    `slug` varchar(80),
    `depth` smallint unsigned,
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_categories_parent` FOREIGN KEY (`parent_id`) REFERENCES `categories` (`id`)
);
CREATE UNIQUE INDEX `idx_categories_slug_parent` ON `categories` (`slug`, `depth`);
CREATE TABLE `companies` (
    `id` bigint AUTO_INCREMENT,
    `name` varchar(120) NOT NULL,
    PRIMARY KEY (`id`)
);
CREATE UNIQUE INDEX `idx_companies_name` ON `companies` (`name`);
CREATE TABLE `languages` (
    `code` varchar(8),
    `name` varchar(40),
    PRIMARY KEY (`code`)
);
CREATE TABLE `members` (
    `id` bigint unsigned AUTO_INCREMENT,
    PRIMARY KEY (`id`)
);
CREATE TABLE `member_friends` (
    `member_id` bigint unsigned,
    `friend_id` bigint unsigned,
    PRIMARY KEY (`member_id`, `friend_id`),
    CONSTRAINT `fk_member_friends_friends` FOREIGN KEY (`friend_id`) REFERENCES `members` (`id`),
    CONSTRAINT `fk_member_friends_member` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`)
);
CREATE TABLE `tag_catalog` (
    `namespace` varchar(50),
    `name` varchar(50),
    `weight` smallint NOT NULL DEFAULT 0,
    `rank` bigint,
    PRIMARY KEY (`namespace`, `name`)
);
CREATE INDEX `idx_tag_weight_rank` ON `tag_catalog` (`weight`, `rank`);
CREATE TABLE `users` (
    `id` bigint unsigned AUTO_INCREMENT,
    `created_at` datetime(3),
    `updated_at` datetime(3),
    `deleted_at` datetime(3),
    `name` varchar(100) NOT NULL,
    `age` tinyint unsigned,
    `email` varchar(191),
    `nick` varchar(191) DEFAULT 'anon',
    `active` boolean DEFAULT true,
    `balance` decimal(12, 2),
    `rating` float,
    `birthday` datetime(3),
    `avatar` longblob,
    `member_code` varchar(32),
    `level` int DEFAULT 1 COMMENT 'user level',
    `company_id` bigint,
    `audit_by` varchar(64),
    `audit_note` longtext,
    `bio` text,
    `counter` bigint,
    PRIMARY KEY (`id`),
    UNIQUE KEY `uni_users_email` (`email`),
    CONSTRAINT `chk_users_age` CHECK (age < 200),
    CONSTRAINT `fk_companies_users` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`) ON DELETE CASCADE
);
CREATE INDEX `idx_users_deleted_at` ON `users` (`deleted_at`);
CREATE INDEX `idx_name_age` ON `users` (`name`, `age`);
CREATE UNIQUE INDEX `ux_users_code` ON `users` (`member_code`);
CREATE INDEX `idx_users_counter` ON `users` (`counter` DESC);
CREATE TABLE `orders` (
    `id` bigint unsigned AUTO_INCREMENT,
    `buyer_id` bigint unsigned,
    `total` double,
    `status` varchar(20) DEFAULT 'new',
    `created_at` datetime(3),
    `updated_at` bigint,
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_orders_buyer` FOREIGN KEY (`buyer_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT
);
CREATE INDEX `idx_orders_status` ON `orders` (`status`);
CREATE TABLE `profiles` (
    `id` bigint unsigned AUTO_INCREMENT,
    `user_id` bigint unsigned NOT NULL,
    `theme` varchar(20) DEFAULT 'light',
    PRIMARY KEY (`id`),
    CONSTRAINT `theme_ok` CHECK (theme <> ''),
    CONSTRAINT `fk_users_profile` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE `user_languages` (
    `language_code` varchar(8),
    `user_id` bigint unsigned,
    PRIMARY KEY (`language_code`, `user_id`),
    CONSTRAINT `fk_user_languages_language` FOREIGN KEY (`language_code`) REFERENCES `languages` (`code`) ON DELETE CASCADE,
    CONSTRAINT `fk_user_languages_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);
