-- upgrade
-- REVIEW: sets NOT NULL on t.a: fails if it holds NULLs
ALTER TABLE `t` MODIFY COLUMN `a` varchar(50) NOT NULL;

ALTER TABLE `t` MODIFY COLUMN `b` int(11);

ALTER TABLE `t` MODIFY COLUMN `c` int(11) DEFAULT 2;

ALTER TABLE `t` MODIFY COLUMN `d` varchar(10);

-- downgrade
ALTER TABLE `t` MODIFY COLUMN `d` varchar(10) DEFAULT 'x';

ALTER TABLE `t` MODIFY COLUMN `c` int(11) DEFAULT 1;

-- REVIEW: sets NOT NULL on t.b: fails if it holds NULLs
ALTER TABLE `t` MODIFY COLUMN `b` int(11) NOT NULL;

ALTER TABLE `t` MODIFY COLUMN `a` varchar(50);
