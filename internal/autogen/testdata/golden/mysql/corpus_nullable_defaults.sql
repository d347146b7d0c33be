-- upgrade
-- REVIEW: sets NOT NULL on users.status: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `status` varchar(10) NOT NULL DEFAULT 'new';

ALTER TABLE `users` MODIFY COLUMN `score` int(11);

ALTER TABLE `users` MODIFY COLUMN `nick` varchar(20) DEFAULT 'anon';

-- downgrade
-- REVIEW: sets NOT NULL on users.nick: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `nick` varchar(20) NOT NULL;

-- REVIEW: sets NOT NULL on users.score: fails if it holds NULLs
ALTER TABLE `users` MODIFY COLUMN `score` int(11) NOT NULL DEFAULT 0;

ALTER TABLE `users` MODIFY COLUMN `status` varchar(10);
