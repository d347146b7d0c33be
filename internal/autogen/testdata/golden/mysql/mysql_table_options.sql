-- upgrade
CREATE TABLE `arch` (
    `id` int(11) NOT NULL,
    `body` text,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci checksum=1 row_format=DYNAMIC stats_persistent=0;

ALTER TABLE `ev` MODIFY COLUMN `day` date DEFAULT (curdate());

ALTER TABLE `ev` MODIFY COLUMN `at` datetime DEFAULT current_timestamp();

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_ev` ON `ev` (`day` DESC, `kind`);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `ev` MODIFY COLUMN `kind` varchar(10) CHECK (`kind` in ('a','b'));

ALTER TABLE `ev` COMMENT = 'events';

-- REVIEW: changes table options of ev: may rebuild the table
ALTER TABLE `ev` row_format=DYNAMIC;

-- downgrade
-- REVIEW: changes table options of ev: may rebuild the table
ALTER TABLE `ev` row_format=COMPACT;

ALTER TABLE `ev` COMMENT = '';

ALTER TABLE `ev` MODIFY COLUMN `kind` varchar(10);

DROP INDEX `uq_ev` ON `ev`;

ALTER TABLE `ev` MODIFY COLUMN `at` datetime;

ALTER TABLE `ev` MODIFY COLUMN `day` date;

-- REVIEW: drops table arch and all its data
DROP TABLE `arch`;
