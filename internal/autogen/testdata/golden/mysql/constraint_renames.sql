-- upgrade
ALTER TABLE `c` RENAME INDEX `c_p_fk_old` TO `c_p_fk_new`;

ALTER TABLE `c` DROP FOREIGN KEY `c_p_fk_old`;

ALTER TABLE `c` ADD CONSTRAINT `c_p_fk_new` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`);

ALTER TABLE `p` RENAME INDEX `p_code_old` TO `p_code_new`;

ALTER TABLE `p` DROP CONSTRAINT `p_code_ck_old`;

ALTER TABLE `p` ADD CONSTRAINT `p_code_ck_new` CHECK (`code` > 0);

-- downgrade
ALTER TABLE `p` DROP CONSTRAINT `p_code_ck_new`;

ALTER TABLE `p` ADD CONSTRAINT `p_code_ck_old` CHECK (`code` > 0);

ALTER TABLE `p` RENAME INDEX `p_code_new` TO `p_code_old`;

ALTER TABLE `c` DROP FOREIGN KEY `c_p_fk_new`;

ALTER TABLE `c` ADD CONSTRAINT `c_p_fk_old` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`);

ALTER TABLE `c` RENAME INDEX `c_p_fk_new` TO `c_p_fk_old`;
