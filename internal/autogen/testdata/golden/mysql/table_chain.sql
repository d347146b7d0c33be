-- upgrade
CREATE TABLE `a` (
    `id` int(11) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `b` (
    `id` int(11) NOT NULL,
    `a_id` int(11) NOT NULL,
    PRIMARY KEY (`id`),
    KEY `a_id` (`a_id`),
    CONSTRAINT `b_ibfk_1` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `c` (
    `id` int(11) NOT NULL,
    `b_id` int(11) NOT NULL,
    `a_id` int(11),
    PRIMARY KEY (`id`),
    KEY `a_id` (`a_id`),
    KEY `ix_c_b` (`b_id`),
    CONSTRAINT `c_ibfk_1` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`),
    CONSTRAINT `c_ibfk_2` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: drops table legacy_child and all its data
DROP TABLE `legacy_child`;

-- REVIEW: drops table legacy and all its data
DROP TABLE `legacy`;

-- downgrade
CREATE TABLE `legacy` (
    `id` int(11) NOT NULL,
    `v` varchar(10),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `legacy_child` (
    `id` int(11) NOT NULL,
    `legacy_id` int(11),
    PRIMARY KEY (`id`),
    KEY `legacy_id` (`legacy_id`),
    CONSTRAINT `legacy_child_ibfk_1` FOREIGN KEY (`legacy_id`) REFERENCES `legacy` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: drops table c and all its data
DROP TABLE `c`;

-- REVIEW: drops table b and all its data
DROP TABLE `b`;

-- REVIEW: drops table a and all its data
DROP TABLE `a`;
