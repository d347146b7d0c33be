-- upgrade
ALTER TABLE `orders` DROP CONSTRAINT `orders_price`;

ALTER TABLE `orders` DROP CONSTRAINT `orders_qty`;

ALTER TABLE `orders` DROP CONSTRAINT `orders_status`;

ALTER TABLE `orders` ADD CONSTRAINT `orders_status_ok` CHECK (`status` in ('new','paid'));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `orders` ADD CONSTRAINT `orders_qty` CHECK (`qty` > 0 and `qty` < 1000);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `orders` ADD CONSTRAINT `orders_sane` CHECK (`price` <= 100000);

-- downgrade
ALTER TABLE `orders` DROP CONSTRAINT `orders_sane`;

ALTER TABLE `orders` DROP CONSTRAINT `orders_qty`;

ALTER TABLE `orders` DROP CONSTRAINT `orders_status_ok`;

ALTER TABLE `orders` ADD CONSTRAINT `orders_status` CHECK (`status` in ('new','paid'));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `orders` ADD CONSTRAINT `orders_qty` CHECK (`qty` > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE `orders` ADD CONSTRAINT `orders_price` CHECK (`price` >= 0);
