CREATE TABLE `owners` (
    `id` bigint NOT NULL,
    `best` bigint,
    `alt` bigint,
    PRIMARY KEY (`id`)
);
CREATE TABLE `widgets` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `name` varchar(40) NOT NULL COMMENT 'the name''s \\ path',
    `code` varchar(20) NOT NULL DEFAULT 'a\b',
    `kind` varchar(10) NOT NULL DEFAULT 'x',
    `made` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `flag` boolean NOT NULL DEFAULT false,
    `rate` double NOT NULL DEFAULT -1.5,
    `note` varchar(50),
    `owner_id` bigint,
    PRIMARY KEY (`id`),
    UNIQUE KEY (`code`),
    FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON DELETE SET NULL ON UPDATE CASCADE
) COMMENT='It''s a "widget" \\ table.';
CREATE INDEX `ix_widget_name` ON `widgets` (`name`);
CREATE INDEX `ix_widget_note` ON `widgets` (`note` DESC);
ALTER TABLE `owners` ADD FOREIGN KEY (`alt`) REFERENCES `widgets` (`id`);
ALTER TABLE `owners` ADD CONSTRAINT `fk_owner_best` FOREIGN KEY (`best`) REFERENCES `widgets` (`id`);
