-- upgrade
-- REVIEW: likely rename: column account.plan_id is dropped (with its data) and account.tenant_id added with the same type. If it is a rename, generate again with --rename account.plan_id=tenant_id

ALTER TABLE `account` DROP FOREIGN KEY `account_ibfk_1`;

ALTER TABLE `project` DROP FOREIGN KEY `project_ibfk_1`;

ALTER TABLE `task` DROP FOREIGN KEY `task_ibfk_1`;

CREATE TABLE `membership` (
    `account_id` int(11) NOT NULL,
    `project_id` int(11) NOT NULL,
    `role` varchar(10) NOT NULL DEFAULT 'member',
    PRIMARY KEY (`account_id`, `project_id`),
    KEY `project_id` (`project_id`),
    CONSTRAINT `ck_membership_role` CHECK (`role` in ('owner','member','viewer')),
    CONSTRAINT `membership_ibfk_2` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant` (
    `id` int(11) NOT NULL,
    `slug` varchar(30) NOT NULL,
    PRIMARY KEY (`id`),
    UNIQUE KEY `uq_tenant_slug` (`slug`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

DROP INDEX `plan_id` ON `account`;

DROP INDEX `uq_account_email` ON `account`;

ALTER TABLE `account` ADD COLUMN `tenant_id` int(11) AFTER `id`;

-- REVIEW: drops column account.plan_id and its data
ALTER TABLE `account` DROP COLUMN `plan_id`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_account_email` ON `account` (`tenant_id`, `email`);

ALTER TABLE `project` ADD COLUMN `tenant_id` int(11) AFTER `id`;

ALTER TABLE `project` MODIFY COLUMN `name` varchar(80) NOT NULL;

CREATE INDEX `ix_project_tenant` ON `project` (`tenant_id`);

DROP INDEX `ix_task_project` ON `task`;

ALTER TABLE `task` ADD COLUMN `assignee_id` int(11);

-- REVIEW: sets NOT NULL on task.title: fails if it holds NULLs
ALTER TABLE `task` MODIFY COLUMN `title` varchar(100) NOT NULL DEFAULT '';

-- REVIEW: sets NOT NULL on task.done: fails if it holds NULLs
ALTER TABLE `task` MODIFY COLUMN `done` tinyint(1) NOT NULL DEFAULT 0;

CREATE INDEX `assignee_id` ON `task` (`assignee_id`);

CREATE INDEX `ix_task_project` ON `task` (`project_id`, `done`);

ALTER TABLE `account` ADD CONSTRAINT `account_ibfk_1` FOREIGN KEY (`tenant_id`) REFERENCES `tenant` (`id`) ON DELETE CASCADE;

ALTER TABLE `project` ADD CONSTRAINT `project_ibfk_1` FOREIGN KEY (`tenant_id`) REFERENCES `tenant` (`id`) ON DELETE CASCADE;

ALTER TABLE `project` DROP INDEX `owner_id`, ADD INDEX `owner_id` (`owner_id`), ADD CONSTRAINT `project_ibfk_2` FOREIGN KEY (`owner_id`) REFERENCES `account` (`id`);

ALTER TABLE `task` ADD CONSTRAINT `task_ibfk_1` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`) ON DELETE CASCADE;

ALTER TABLE `task` DROP INDEX `assignee_id`, ADD INDEX `assignee_id` (`assignee_id`), ADD CONSTRAINT `task_ibfk_2` FOREIGN KEY (`assignee_id`) REFERENCES `account` (`id`) ON DELETE SET NULL;

ALTER TABLE `membership` ADD CONSTRAINT `membership_ibfk_1` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`) ON DELETE CASCADE;

-- REVIEW: drops table plan and all its data
DROP TABLE `plan`;

-- downgrade
CREATE TABLE `plan` (
    `id` int(11) NOT NULL,
    `name` varchar(20) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `membership` DROP FOREIGN KEY `membership_ibfk_1`;

ALTER TABLE `task` DROP FOREIGN KEY `task_ibfk_2`;

ALTER TABLE `task` DROP FOREIGN KEY `task_ibfk_1`;

ALTER TABLE `project` DROP FOREIGN KEY `project_ibfk_2`;

ALTER TABLE `project` DROP FOREIGN KEY `project_ibfk_1`;

ALTER TABLE `account` DROP FOREIGN KEY `account_ibfk_1`;

DROP INDEX `ix_task_project` ON `task`;

DROP INDEX `assignee_id` ON `task`;

ALTER TABLE `task` MODIFY COLUMN `done` tinyint(1) DEFAULT 0;

ALTER TABLE `task` MODIFY COLUMN `title` varchar(100);

-- REVIEW: drops column task.assignee_id and its data
ALTER TABLE `task` DROP COLUMN `assignee_id`;

CREATE INDEX `ix_task_project` ON `task` (`project_id`);

DROP INDEX `ix_project_tenant` ON `project`;

SELECT (SELECT 1 FROM `project` WHERE CHAR_LENGTH(`name`) > 50 UNION ALL SELECT 1 FROM `project` WHERE CHAR_LENGTH(`name`) > 50) AS `retort: fails (Subquery returns more than 1 row) when project.name holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of project.name from varchar(80) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `project` MODIFY COLUMN `name` varchar(50) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

-- REVIEW: drops column project.tenant_id and its data
ALTER TABLE `project` DROP COLUMN `tenant_id`;

DROP INDEX `uq_account_email` ON `account`;

ALTER TABLE `account` ADD COLUMN `plan_id` int(11) AFTER `id`;

-- REVIEW: drops column account.tenant_id and its data
ALTER TABLE `account` DROP COLUMN `tenant_id`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `uq_account_email` ON `account` (`email`);

CREATE INDEX `plan_id` ON `account` (`plan_id`);

-- REVIEW: drops table tenant and all its data
DROP TABLE `tenant`;

-- REVIEW: drops table membership and all its data
DROP TABLE `membership`;

ALTER TABLE `task` ADD CONSTRAINT `task_ibfk_1` FOREIGN KEY (`project_id`) REFERENCES `project` (`id`);

ALTER TABLE `project` DROP INDEX `owner_id`, ADD INDEX `owner_id` (`owner_id`), ADD CONSTRAINT `project_ibfk_1` FOREIGN KEY (`owner_id`) REFERENCES `account` (`id`);

ALTER TABLE `account` DROP INDEX `plan_id`, ADD INDEX `plan_id` (`plan_id`), ADD CONSTRAINT `account_ibfk_1` FOREIGN KEY (`plan_id`) REFERENCES `plan` (`id`);
