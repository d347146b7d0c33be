-- upgrade
CREATE TABLE `b` (
    `id` int(11) NOT NULL,
    `a_id` int(11),
    PRIMARY KEY (`id`),
    KEY `fk_b_a` (`a_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `a` (
    `id` int(11) NOT NULL,
    `b_id` int(11),
    PRIMARY KEY (`id`),
    KEY `fk_a_b` (`b_id`),
    CONSTRAINT `fk_a_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE INDEX `fk_x_y` ON `x` (`y_id`);

ALTER TABLE `y` ADD COLUMN `x_id` int(11);

CREATE INDEX `fk_y_x` ON `y` (`x_id`);

ALTER TABLE `x` ADD CONSTRAINT `fk_x_y` FOREIGN KEY (`y_id`) REFERENCES `y` (`id`);

ALTER TABLE `y` ADD CONSTRAINT `fk_y_x` FOREIGN KEY (`x_id`) REFERENCES `x` (`id`);

ALTER TABLE `b` ADD CONSTRAINT `fk_b_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`);

-- downgrade
ALTER TABLE `b` DROP FOREIGN KEY `fk_b_a`;

ALTER TABLE `y` DROP FOREIGN KEY `fk_y_x`;

ALTER TABLE `x` DROP FOREIGN KEY `fk_x_y`;

DROP INDEX `fk_y_x` ON `y`;

-- REVIEW: drops column y.x_id and its data
ALTER TABLE `y` DROP COLUMN `x_id`;

DROP INDEX `fk_x_y` ON `x`;

-- REVIEW: drops table a and all its data
DROP TABLE `a`;

-- REVIEW: drops table b and all its data
DROP TABLE `b`;
