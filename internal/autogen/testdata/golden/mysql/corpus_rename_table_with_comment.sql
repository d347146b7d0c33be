-- upgrade
ALTER TABLE `logs` RENAME TO `audit_log`;

ALTER TABLE `audit_log` ADD COLUMN `at` datetime;

ALTER TABLE `audit_log` COMMENT = 'audit trail';

-- downgrade
ALTER TABLE `audit_log` COMMENT = 'app logs';

-- REVIEW: drops column audit_log.at and its data
ALTER TABLE `audit_log` DROP COLUMN `at`;

ALTER TABLE `audit_log` RENAME TO `logs`;
