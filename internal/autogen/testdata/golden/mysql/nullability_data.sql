-- upgrade
-- REVIEW: sets NOT NULL on profile.nick: fails if it holds NULLs
ALTER TABLE `profile` MODIFY COLUMN `nick` varchar(30) NOT NULL DEFAULT 'anon';

ALTER TABLE `profile` MODIFY COLUMN `age` int(11);

ALTER TABLE `profile` MODIFY COLUMN `city` varchar(40) DEFAULT 'Paris';

-- REVIEW: sets NOT NULL on profile.score: fails if it holds NULLs
ALTER TABLE `profile` MODIFY COLUMN `score` int(11) NOT NULL;

-- downgrade
ALTER TABLE `profile` MODIFY COLUMN `score` int(11) DEFAULT 5;

-- REVIEW: sets NOT NULL on profile.city: fails if it holds NULLs
ALTER TABLE `profile` MODIFY COLUMN `city` varchar(40) NOT NULL;

-- REVIEW: sets NOT NULL on profile.age: fails if it holds NULLs
ALTER TABLE `profile` MODIFY COLUMN `age` int(11) NOT NULL DEFAULT 18;

ALTER TABLE `profile` MODIFY COLUMN `nick` varchar(30);
