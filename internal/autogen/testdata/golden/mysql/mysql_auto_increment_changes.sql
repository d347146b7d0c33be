-- upgrade
ALTER TABLE `a` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `b` MODIFY COLUMN `id` int(11) NOT NULL;

ALTER TABLE `c` MODIFY COLUMN `id` bigint(20) NOT NULL AUTO_INCREMENT;

-- REVIEW: sets NOT NULL on c.v: fails if it holds NULLs
ALTER TABLE `c` MODIFY COLUMN `v` int(11) NOT NULL DEFAULT 0;

-- downgrade
ALTER TABLE `c` MODIFY COLUMN `v` int(11);

-- REVIEW: changes the type of c.id from bigint(20) to smallint(6): fails or truncates if existing values do not fit
ALTER TABLE `c` MODIFY COLUMN `id` smallint(6) NOT NULL AUTO_INCREMENT;

ALTER TABLE `b` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `a` MODIFY COLUMN `id` int(11) NOT NULL;
