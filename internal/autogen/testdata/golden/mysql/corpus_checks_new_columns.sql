-- upgrade
ALTER TABLE `bookings` MODIFY COLUMN `nights` int(11);

ALTER TABLE `bookings` ADD COLUMN `ends` int(11) AFTER `nights`;

ALTER TABLE `bookings` ADD COLUMN `guests` int(11) DEFAULT 1;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `bookings` ADD CONSTRAINT `bookings_guests` CHECK (`guests` between 1 and 10);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `bookings` ADD CONSTRAINT `bookings_nights` CHECK (`nights` > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `bookings` ADD CONSTRAINT `bookings_order` CHECK (`ends` is null or `ends` > `starts`);

-- downgrade
ALTER TABLE `bookings` DROP CONSTRAINT `bookings_order`;

ALTER TABLE `bookings` DROP CONSTRAINT `bookings_nights`;

ALTER TABLE `bookings` DROP CONSTRAINT `bookings_guests`;

-- REVIEW: drops column bookings.guests and its data
ALTER TABLE `bookings` DROP COLUMN `guests`;

-- REVIEW: drops column bookings.ends and its data
ALTER TABLE `bookings` DROP COLUMN `ends`;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `bookings` MODIFY COLUMN `nights` int(11) CHECK (`nights` > 0);
