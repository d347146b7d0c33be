-- up
ALTER TABLE `users` DROP CONSTRAINT `ck_users_score`;
ALTER TABLE `users` MODIFY COLUMN `score` int(11) DEFAULT (1 + 1);
-- review: fails if existing rows violate the check
ALTER TABLE `users` ADD CONSTRAINT `ck_len` CHECK (char_length(`name`) > 0);
-- down
ALTER TABLE `users` DROP CONSTRAINT `ck_len`;
-- review: fails if existing rows violate the check
ALTER TABLE `users` MODIFY COLUMN `score` int(11) DEFAULT (1 + 1) CHECK (`score` < 100);
-- review: fails if existing rows violate the check
ALTER TABLE `users` ADD CONSTRAINT `ck_users_score` CHECK (`score` >= 0);
