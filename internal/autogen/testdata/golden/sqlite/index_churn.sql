-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table article (SQLite cannot ALTER this: drop index "ix_article_slug"; drop index "ix_article_views"; rename index "ix_pub" to "ix_article_published"; modify column "slug": type VARCHAR(50) → VARCHAR(120); add index "ix_article_lang_slug"; add index "ix_article_views"; table definition); its rows are copied
ALTER TABLE article RENAME TO _retort_old_article;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE article (id INTEGER NOT NULL PRIMARY KEY, slug VARCHAR(120) NOT NULL, lang CHAR(2) NOT NULL, published_at TIMESTAMP, views INTEGER);

INSERT INTO article (id, slug, lang, published_at, views) SELECT id, slug, lang, published_at, views FROM _retort_old_article;

DROP TABLE _retort_old_article;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_lang_slug ON article (lang, slug);

CREATE INDEX ix_article_published ON article (published_at);

CREATE INDEX ix_article_views ON article (views DESC, id);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table article (SQLite cannot ALTER this: table definition; drop index "ix_article_views"; drop index "ix_article_lang_slug"; modify column "slug": type VARCHAR(120) → VARCHAR(50); rename index "ix_article_published" to "ix_pub"; add index "ix_article_views"; add index "ix_article_slug"); its rows are copied
ALTER TABLE article RENAME TO _retort_old_article;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE article (id INTEGER NOT NULL PRIMARY KEY, slug VARCHAR(50) NOT NULL, lang CHAR(2) NOT NULL, published_at TIMESTAMP, views INTEGER);

INSERT INTO article (id, slug, lang, published_at, views) SELECT id, slug, lang, published_at, views FROM _retort_old_article;

DROP TABLE _retort_old_article;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_slug ON article (slug);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_article_views ON article (views);

CREATE INDEX ix_pub ON article (published_at);
