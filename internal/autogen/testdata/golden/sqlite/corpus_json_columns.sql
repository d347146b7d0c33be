-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table docs (SQLite cannot ALTER this: add column "extra"; modify column "meta": default (none) → '{}'; add index "docs_a"; table definition); its rows are copied
ALTER TABLE docs RENAME TO _retort_old_docs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE docs (id INTEGER NOT NULL PRIMARY KEY, body TEXT, meta TEXT DEFAULT '{}', extra TEXT);

INSERT INTO docs (id, body, meta) SELECT id, body, meta FROM _retort_old_docs;

DROP TABLE _retort_old_docs;

CREATE INDEX docs_a ON docs (json_extract(body, '$.a'));

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table docs (SQLite cannot ALTER this: table definition; drop index "docs_a"; modify column "meta": default '{}' → (none); drop column "extra"); its rows are copied
ALTER TABLE docs RENAME TO _retort_old_docs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE docs (id INTEGER NOT NULL PRIMARY KEY, body TEXT, meta TEXT);

-- REVIEW: drops column docs.extra and its data
INSERT INTO docs (id, body, meta) SELECT id, body, meta FROM _retort_old_docs;

DROP TABLE _retort_old_docs;
