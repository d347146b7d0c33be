-- upgrade
ALTER TABLE `g` MODIFY COLUMN `total` int(11) GENERATED ALWAYS AS (`price` * `qty`) STORED;

-- REVIEW: recreates g.half as a generated column: the values it holds are replaced by `price` DIV 2
ALTER TABLE `g` DROP COLUMN `half`;

ALTER TABLE `g` ADD COLUMN `half` int(11) GENERATED ALWAYS AS (`price` DIV 2) VIRTUAL AFTER `total`;

-- downgrade
-- REVIEW: rebuilds g.half as a regular column (MariaDB cannot MODIFY a virtual column into one): the values it gives are copied
ALTER TABLE `g` ADD COLUMN `_retort_new_half` int(11) AFTER `half`;

UPDATE `g` SET `_retort_new_half` = `half`;

ALTER TABLE `g` DROP COLUMN `half`;

ALTER TABLE `g` RENAME COLUMN `_retort_new_half` TO `half`;

ALTER TABLE `g` MODIFY COLUMN `total` int(11);
