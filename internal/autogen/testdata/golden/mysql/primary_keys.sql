-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t1` ADD PRIMARY KEY (`a`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t2` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b`);

-- downgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `t2` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`);

ALTER TABLE `t1` DROP PRIMARY KEY;
