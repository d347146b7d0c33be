-- upgrade
DROP INDEX doc_at;

DROP INDEX doc_body;

DROP INDEX doc_tags;

DROP INDEX doc_title;

DROP INDEX doc_title_pat;

CREATE INDEX doc_at ON doc USING brin (at);

CREATE INDEX doc_body ON doc (body text_pattern_ops);

CREATE INDEX doc_span ON doc USING gist (span) WITH (buffering=on);

CREATE INDEX doc_tags ON doc USING gin (tags) WITH (fastupdate=off);

CREATE INDEX doc_title ON doc (title) WITH (fillfactor=50, deduplicate_items=off);

CREATE INDEX doc_title_pat ON doc (title text_pattern_ops);

ALTER TABLE doc RESET (autovacuum_enabled);

ALTER TABLE doc SET (fillfactor=70, toast_tuple_target=256);

-- downgrade
ALTER TABLE doc RESET (toast_tuple_target);

ALTER TABLE doc SET (fillfactor=80, autovacuum_enabled=false);

DROP INDEX doc_title_pat;

DROP INDEX doc_title;

DROP INDEX doc_tags;

DROP INDEX doc_span;

DROP INDEX doc_body;

DROP INDEX doc_at;

CREATE INDEX doc_title_pat ON doc (title varchar_pattern_ops);

CREATE INDEX doc_title ON doc (title) WITH (fillfactor=70);

CREATE INDEX doc_tags ON doc USING gin (tags);

CREATE INDEX doc_body ON doc USING hash (body);

CREATE INDEX doc_at ON doc USING brin (at) WITH (pages_per_range=32);
