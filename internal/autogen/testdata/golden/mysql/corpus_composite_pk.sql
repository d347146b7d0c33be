-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`, `group_id`, `role`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `prices` DROP PRIMARY KEY, ADD PRIMARY KEY (`sku`, `currency`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `tags` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);

-- downgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `tags` DROP PRIMARY KEY, ADD PRIMARY KEY (`item`, `tag`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `prices` DROP PRIMARY KEY, ADD PRIMARY KEY (`sku`, `region`);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`, `group_id`);
