-- upgrade
DROP INDEX articles_author;

DROP INDEX articles_lang;

DROP INDEX articles_published;

DROP INDEX articles_slug;

CREATE INDEX articles_author_published ON articles (author, published DESC);

CREATE INDEX articles_lang_slug ON articles (lang, slug);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX articles_slug ON articles (slug);

-- downgrade
DROP INDEX articles_slug;

DROP INDEX articles_lang_slug;

DROP INDEX articles_author_published;

CREATE INDEX articles_slug ON articles (slug);

CREATE INDEX articles_published ON articles (published);

CREATE INDEX articles_lang ON articles (lang);

CREATE INDEX articles_author ON articles (author);
