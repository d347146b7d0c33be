-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `k` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t` ADD PRIMARY KEY (`id`);

ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `id` int(11) NOT NULL;

ALTER TABLE `t` DROP PRIMARY KEY;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `k` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`);
