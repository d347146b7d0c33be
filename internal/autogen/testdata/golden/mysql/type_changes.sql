-- upgrade
ALTER TABLE `t` MODIFY COLUMN `a` varchar(200);

ALTER TABLE `t` MODIFY COLUMN `b` bigint(20);

ALTER TABLE `t` MODIFY COLUMN `c` decimal(12,4);

-- REVIEW: changes the type of t.d from varchar(10) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `d` int(11);

-- downgrade
-- REVIEW: changes the type of t.d from int(11) to varchar(10): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `d` varchar(10);

-- REVIEW: changes the type of t.c from decimal(12,4) to decimal(8,2): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `c` decimal(8,2);

-- REVIEW: changes the type of t.b from bigint(20) to int(11): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `b` int(11);

-- REVIEW: changes the type of t.a from varchar(200) to varchar(50): fails or truncates if existing values do not fit
ALTER TABLE `t` MODIFY COLUMN `a` varchar(50);
