-- upgrade
CREATE TABLE `emp` (
    `id` int(11) NOT NULL,
    `dept_id` int(11),
    PRIMARY KEY (`id`),
    KEY `emp_dept` (`dept_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dept` (
    `id` int(11) NOT NULL,
    `head_id` int(11),
    `base_id` int(11),
    PRIMARY KEY (`id`),
    KEY `dept_base` (`base_id`),
    KEY `dept_head` (`head_id`),
    CONSTRAINT `dept_base` FOREIGN KEY (`base_id`) REFERENCES `base` (`id`),
    CONSTRAINT `dept_head` FOREIGN KEY (`head_id`) REFERENCES `emp` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `assignment` (
    `emp_id` int(11) NOT NULL,
    `dept_id` int(11) NOT NULL,
    PRIMARY KEY (`emp_id`, `dept_id`),
    KEY `a_dept` (`dept_id`),
    CONSTRAINT `a_dept` FOREIGN KEY (`dept_id`) REFERENCES `dept` (`id`),
    CONSTRAINT `a_emp` FOREIGN KEY (`emp_id`) REFERENCES `emp` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `emp` ADD CONSTRAINT `emp_dept` FOREIGN KEY (`dept_id`) REFERENCES `dept` (`id`);

-- downgrade
ALTER TABLE `emp` DROP FOREIGN KEY `emp_dept`;

-- REVIEW: drops table assignment and all its data
DROP TABLE `assignment`;

-- REVIEW: drops table dept and all its data
DROP TABLE `dept`;

-- REVIEW: drops table emp and all its data
DROP TABLE `emp`;
