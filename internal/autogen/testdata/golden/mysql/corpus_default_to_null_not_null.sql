-- upgrade
-- REVIEW: sets NOT NULL on prefs.theme: fails if it holds NULLs
ALTER TABLE `prefs` MODIFY COLUMN `theme` varchar(10) NOT NULL;

ALTER TABLE `prefs` MODIFY COLUMN `size` int(11) DEFAULT 14;

ALTER TABLE `prefs` MODIFY COLUMN `lang` varchar(5) NOT NULL DEFAULT 'en-US';

-- downgrade
ALTER TABLE `prefs` MODIFY COLUMN `lang` varchar(5) NOT NULL DEFAULT 'en';

-- REVIEW: sets NOT NULL on prefs.size: fails if it holds NULLs
ALTER TABLE `prefs` MODIFY COLUMN `size` int(11) NOT NULL;

ALTER TABLE `prefs` MODIFY COLUMN `theme` varchar(10) DEFAULT 'light';
