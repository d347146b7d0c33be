-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table acct (SQLite cannot ALTER this: add column "title"; modify column "id": type INT → INTEGER; modify column "num": type TEXT → INTEGER, set NOT NULL, default (none) → 0; modify column "label": type VARCHAR(10) → VARCHAR(40); drop column "legacy"; add index "ix_acct_label"; table definition); its rows are copied
ALTER TABLE acct RENAME TO _retort_old_acct;

CREATE TABLE acct (id INTEGER PRIMARY KEY, num INTEGER NOT NULL DEFAULT 0, label VARCHAR(40), title TEXT);

INSERT INTO acct (id, num, label) SELECT id, num, label FROM _retort_old_acct;

DROP TABLE _retort_old_acct;

CREATE INDEX ix_acct_label ON acct (upper(label)) WHERE num > 0;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table acct (SQLite cannot ALTER this: table definition; drop index "ix_acct_label"; add column "legacy"; modify column "label": type VARCHAR(40) → VARCHAR(10); modify column "num": type INTEGER → TEXT, drop NOT NULL, default 0 → (none); modify column "id": type INTEGER → INT; drop column "title"); its rows are copied
ALTER TABLE acct RENAME TO _retort_old_acct;

CREATE TABLE acct (id INT PRIMARY KEY, num TEXT, label VARCHAR(10), legacy TEXT);

INSERT INTO acct (id, num, label) SELECT id, num, label FROM _retort_old_acct;

DROP TABLE _retort_old_acct;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
