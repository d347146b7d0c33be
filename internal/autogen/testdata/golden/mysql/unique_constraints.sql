-- upgrade
DROP INDEX `uq_a` ON `t`;

ALTER TABLE `t` RENAME INDEX `uq_b_old` TO `uq_b_new`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_ac` ON `t` (`a`, `c`);

-- downgrade
DROP INDEX `uq_ac` ON `t`;

ALTER TABLE `t` RENAME INDEX `uq_b_new` TO `uq_b_old`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_a` ON `t` (`a`);
