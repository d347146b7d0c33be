-- upgrade
ALTER TABLE `emp` DROP FOREIGN KEY `fk_emp_dept`;

CREATE INDEX `fk_dept_head` ON `dept` (`head_id`);

CREATE INDEX `fk_store_region` ON `store` (`country`, `code`);

ALTER TABLE `dept` ADD CONSTRAINT `fk_dept_head` FOREIGN KEY (`head_id`) REFERENCES `emp` (`id`) ON DELETE SET NULL;

ALTER TABLE `emp` ADD CONSTRAINT `fk_emp_dept` FOREIGN KEY (`dept_id`) REFERENCES `dept` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `store` ADD CONSTRAINT `fk_store_region` FOREIGN KEY (`country`, `code`) REFERENCES `region` (`country`, `code`) ON DELETE SET NULL;

-- downgrade
ALTER TABLE `store` DROP FOREIGN KEY `fk_store_region`;

ALTER TABLE `emp` DROP FOREIGN KEY `fk_emp_dept`;

ALTER TABLE `dept` DROP FOREIGN KEY `fk_dept_head`;

DROP INDEX `fk_store_region` ON `store`;

DROP INDEX `fk_dept_head` ON `dept`;

ALTER TABLE `emp` ADD CONSTRAINT `fk_emp_dept` FOREIGN KEY (`dept_id`) REFERENCES `dept` (`id`);
