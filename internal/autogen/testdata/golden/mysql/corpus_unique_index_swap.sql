-- upgrade
DROP INDEX `accounts_handle` ON `accounts`;

DROP INDEX `accounts_org_team` ON `accounts`;

DROP INDEX `accounts_slot` ON `accounts`;

CREATE INDEX `accounts_handle` ON `accounts` (`handle`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `accounts_org_team` ON `accounts` (`org`, `team`, `slot`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `accounts_slot` ON `accounts` (`slot`);

-- downgrade
DROP INDEX `accounts_slot` ON `accounts`;

DROP INDEX `accounts_org_team` ON `accounts`;

DROP INDEX `accounts_handle` ON `accounts`;

CREATE INDEX `accounts_slot` ON `accounts` (`slot`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `accounts_org_team` ON `accounts` (`org`, `team`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `accounts_handle` ON `accounts` (`handle`);
