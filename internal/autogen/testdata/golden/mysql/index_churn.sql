-- upgrade
DROP INDEX `ix_article_slug` ON `article`;

DROP INDEX `ix_article_views` ON `article`;

ALTER TABLE `article` RENAME INDEX `ix_pub` TO `ix_article_published`;

ALTER TABLE `article` MODIFY COLUMN `slug` varchar(120) NOT NULL;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_article_lang_slug` ON `article` (`lang`, `slug`);

CREATE INDEX `ix_article_views` ON `article` (`views` DESC, `id`);

-- downgrade
DROP INDEX `ix_article_views` ON `article`;

DROP INDEX `ix_article_lang_slug` ON `article`;

-- REVIEW: changes the type of article.slug from varchar(120) to varchar(50): fails or truncates if existing values do not fit
ALTER TABLE `article` MODIFY COLUMN `slug` varchar(50) NOT NULL;

ALTER TABLE `article` RENAME INDEX `ix_article_published` TO `ix_pub`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_article_views` ON `article` (`views`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_article_slug` ON `article` (`slug`);
