-- upgrade
DROP INDEX `articles_author` ON `articles`;

DROP INDEX `articles_lang` ON `articles`;

DROP INDEX `articles_published` ON `articles`;

DROP INDEX `articles_slug` ON `articles`;

CREATE INDEX `articles_author_published` ON `articles` (`author`, `published` DESC);

CREATE INDEX `articles_lang_slug` ON `articles` (`lang`, `slug`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `articles_slug` ON `articles` (`slug`);

-- downgrade
DROP INDEX `articles_slug` ON `articles`;

DROP INDEX `articles_lang_slug` ON `articles`;

DROP INDEX `articles_author_published` ON `articles`;

CREATE INDEX `articles_slug` ON `articles` (`slug`);

CREATE INDEX `articles_published` ON `articles` (`published`);

CREATE INDEX `articles_lang` ON `articles` (`lang`);

CREATE INDEX `articles_author` ON `articles` (`author`);
