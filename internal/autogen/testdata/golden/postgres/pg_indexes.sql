-- upgrade
DROP INDEX ix_doc_title;

CREATE INDEX ix_doc_body ON doc USING gin (body jsonb_path_ops);

CREATE INDEX ix_doc_coll ON doc (title COLLATE "C");

CREATE INDEX ix_doc_hash ON doc USING hash (title);

CREATE INDEX ix_doc_pattern ON doc (title text_pattern_ops);

CREATE INDEX ix_doc_score ON doc (score DESC NULLS LAST, created NULLS FIRST) INCLUDE (title);

COMMENT ON INDEX ix_doc_score IS 'by score';

CREATE INDEX ix_doc_tags ON doc USING gin (tags);

CREATE INDEX ix_doc_title ON doc ((lower(title))) WHERE score > 0;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_doc_title_nnd ON doc (title) NULLS NOT DISTINCT;

-- downgrade
DROP INDEX ix_doc_title_nnd;

DROP INDEX ix_doc_title;

DROP INDEX ix_doc_tags;

DROP INDEX ix_doc_score;

DROP INDEX ix_doc_pattern;

DROP INDEX ix_doc_hash;

DROP INDEX ix_doc_coll;

DROP INDEX ix_doc_body;

CREATE INDEX ix_doc_title ON doc (title);
