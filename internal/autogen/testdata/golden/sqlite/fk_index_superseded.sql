-- upgrade
DROP INDEX ix_post_editor_slug;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_post_author_slug ON post (author_id, slug);

-- downgrade
DROP INDEX uq_post_author_slug;

CREATE INDEX ix_post_editor_slug ON post (editor_id, slug);
