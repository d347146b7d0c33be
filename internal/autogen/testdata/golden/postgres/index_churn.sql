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

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM article WHERE slug IS NOT NULL AND CAST(CAST(slug AS character varying(50)) AS character varying(120)) IS DISTINCT FROM slug) THEN RAISE EXCEPTION 'retort: article.slug holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of article.slug from character varying(120) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE article ALTER COLUMN slug TYPE character varying(50);

ALTER INDEX ix_article_published RENAME TO ix_pub;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_views ON article (views);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_slug ON article (slug);
