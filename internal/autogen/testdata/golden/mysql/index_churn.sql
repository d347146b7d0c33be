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

SELECT (SELECT 1 FROM `article` WHERE CHAR_LENGTH(`slug`) > 50 UNION ALL SELECT 1 FROM `article` WHERE CHAR_LENGTH(`slug`) > 50) AS `retort: fails (Subquery returns more than 1 row) when article.slug holds values varchar(50) would not keep unchanged`;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of article.slug from varchar(120) to varchar(50): strings longer than 50 characters fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `article` MODIFY COLUMN `slug` varchar(50) NOT NULL;

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `article` RENAME INDEX `ix_article_published` TO `ix_pub`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_article_views` ON `article` (`views`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `ix_article_slug` ON `article` (`slug`);
