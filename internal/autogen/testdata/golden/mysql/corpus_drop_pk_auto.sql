-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `nokey` ADD PRIMARY KEY (`a`);

ALTER TABLE `order_lines` MODIFY COLUMN `id` int(11) NOT NULL;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `order_lines` DROP PRIMARY KEY, ADD PRIMARY KEY (`order_id`, `line_no`);

-- downgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `order_lines` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);

ALTER TABLE `order_lines` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `nokey` DROP PRIMARY KEY;
