-- upgrade
-- REVIEW: changes the type of m.a from varchar(10) to varchar(5): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `a` varchar(5);

ALTER TABLE `m` MODIFY COLUMN `b` decimal(12,4);

ALTER TABLE `m` MODIFY COLUMN `c` varchar(5);

-- REVIEW: changes the type of m.d from text to varchar(100): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `d` varchar(100);

ALTER TABLE `m` MODIFY COLUMN `e` int(11);

-- REVIEW: changes the type of m.f from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `f` int(11);

ALTER TABLE `m` MODIFY COLUMN `h` decimal(7,2);

-- downgrade
-- REVIEW: changes the type of m.h from decimal(7,2) to decimal(5,0): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `h` decimal(5,0);

ALTER TABLE `m` MODIFY COLUMN `f` bigint(20);

-- REVIEW: changes the type of m.e from int(11) to smallint(6): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `e` smallint(6);

ALTER TABLE `m` MODIFY COLUMN `d` text;

-- REVIEW: changes the type of m.c from varchar(5) to char(5): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `c` char(5);

-- REVIEW: changes the type of m.b from decimal(12,4) to decimal(10,2): fails or truncates if existing values do not fit
ALTER TABLE `m` MODIFY COLUMN `b` decimal(10,2);

ALTER TABLE `m` MODIFY COLUMN `a` varchar(10);
