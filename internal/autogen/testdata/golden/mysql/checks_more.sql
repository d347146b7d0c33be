-- upgrade
ALTER TABLE `booking` DROP CONSTRAINT `CONSTRAINT_1`;

ALTER TABLE `booking` MODIFY COLUMN `starts` int(11) NOT NULL CHECK (`starts` >= 0);

ALTER TABLE `booking` DROP CONSTRAINT `ck_seats`;

ALTER TABLE `booking` ADD CONSTRAINT `ck_booking_seats` CHECK (`seats` between 1 and 10);

ALTER TABLE `booking` ADD COLUMN `state` varchar(10) DEFAULT 'new' CHECK (`state` in ('new','done'));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `booking` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`ends` > `starts`);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `booking` MODIFY COLUMN `starts` int(11) NOT NULL CHECK (`starts` >= 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `booking` MODIFY COLUMN `state` varchar(10) DEFAULT 'new' CHECK (`state` in ('new','done'));

-- downgrade
ALTER TABLE `booking` MODIFY COLUMN `starts` int(11) NOT NULL CHECK (`starts` > 0);

ALTER TABLE `booking` DROP CONSTRAINT `CONSTRAINT_1`;

-- REVIEW: drops column booking.state and its data
ALTER TABLE `booking` DROP COLUMN `state`;

ALTER TABLE `booking` DROP CONSTRAINT `ck_booking_seats`;

ALTER TABLE `booking` ADD CONSTRAINT `ck_seats` CHECK (`seats` between 1 and 10);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `booking` MODIFY COLUMN `starts` int(11) NOT NULL CHECK (`starts` > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `booking` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`ends` >= `starts`);
