-- upgrade
DROP INDEX ix_article_slug;

DROP INDEX ix_article_views;

ALTER INDEX ix_pub RENAME TO ix_article_published;

ALTER TABLE article ALTER COLUMN slug TYPE character varying(120);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_lang_slug ON article (lang, slug);

CREATE INDEX ix_article_views ON article (views DESC, id);

-- downgrade
DROP INDEX ix_article_views;

DROP INDEX ix_article_lang_slug;

-- REVIEW: changes the type of article.slug from character varying(120) to character varying(50): fails or loses data if existing values do not fit
ALTER TABLE article ALTER COLUMN slug TYPE character varying(50);

ALTER INDEX ix_article_published RENAME TO ix_pub;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_views ON article (views);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_slug ON article (slug);
