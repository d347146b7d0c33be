-- upgrade
DROP INDEX `slots_room_day` ON `slots`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `slots_code` ON `slots` (`code`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `slots_room_day_hour` ON `slots` (`room`, `day`, `hour`);

-- downgrade
DROP INDEX `slots_room_day_hour` ON `slots`;

DROP INDEX `slots_code` ON `slots`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `slots_room_day` ON `slots` (`room`, `day`);
