-- upgrade
-- REVIEW: drops table c and all its data
DROP TABLE `c`;

-- REVIEW: drops table p and all its data
DROP TABLE `p`;

-- downgrade
CREATE TABLE `p` (
    `id` int(11) NOT NULL,
    `keep_id` int(11),
    PRIMARY KEY (`id`),
    KEY `keep_id` (`keep_id`),
    CONSTRAINT `p_ibfk_1` FOREIGN KEY (`keep_id`) REFERENCES `keep` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `c` (
    `id` int(11) NOT NULL,
    `p_id` int(11),
    PRIMARY KEY (`id`),
    KEY `p_id` (`p_id`),
    CONSTRAINT `c_ibfk_1` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
