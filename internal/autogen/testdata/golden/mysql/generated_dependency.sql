-- upgrade
DROP INDEX `ix_t_doubled` ON `t`;

ALTER TABLE `t` DROP COLUMN `doubled`;

ALTER TABLE `t` MODIFY COLUMN `price` bigint(20);

ALTER TABLE `t` ADD COLUMN `doubled` int(11) GENERATED ALWAYS AS (`price` * 2) STORED;

CREATE INDEX `ix_t_doubled` ON `t` (`doubled`);

-- downgrade
DROP INDEX `ix_t_doubled` ON `t`;

ALTER TABLE `t` DROP COLUMN `doubled`;

-- REVIEW: changes the type of t.price from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `price` int(11);

ALTER TABLE `t` ADD COLUMN `doubled` int(11) GENERATED ALWAYS AS (`price` * 2) STORED;

CREATE INDEX `ix_t_doubled` ON `t` (`doubled`);
