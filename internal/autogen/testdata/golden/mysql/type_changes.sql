-- upgrade
-- REVIEW: changes the type of t.a from varchar(50) to varchar(200): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `a` varchar(200);

-- REVIEW: changes the type of t.b from int(11) to bigint(20): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `b` bigint(20);

-- REVIEW: changes the type of t.c from decimal(8,2) to decimal(12,4): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `c` decimal(12,4);

-- REVIEW: changes the type of t.d from varchar(10) to int(11): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `d` int(11);

-- downgrade
-- REVIEW: changes the type of t.d from int(11) to varchar(10): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `d` varchar(10);

-- REVIEW: changes the type of t.c from decimal(12,4) to decimal(8,2): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `c` decimal(8,2);

-- REVIEW: changes the type of t.b from bigint(20) to int(11): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `b` int(11);

-- REVIEW: changes the type of t.a from varchar(200) to varchar(50): rewrites the table, and fails or truncates if values do not fit
ALTER TABLE `t` MODIFY COLUMN `a` varchar(50);
