-- upgrade
-- REVIEW: likely rename: column acct.legacy is dropped (with its data) and acct.title added with the same type. If it is a rename, generate again with --rename acct.legacy=title

-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: acct.num holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT num, num FROM acct;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table acct (SQLite cannot ALTER this: add column "title"; modify column "id": type INT → INTEGER; modify column "num": type TEXT → INTEGER, set NOT NULL, default (none) → 0; modify column "label": type VARCHAR(10) → VARCHAR(40); drop column "legacy"; add index "ix_acct_label"; table definition); its rows are copied
ALTER TABLE acct RENAME TO _retort_old_acct;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE acct (id INTEGER PRIMARY KEY, num INTEGER NOT NULL DEFAULT 0, label VARCHAR(40), title TEXT);

-- REVIEW: changes the type of acct.id from INT to INTEGER: fails if it holds values that are not integers (the column becomes the rowid)
-- REVIEW: changes the type of acct.num from TEXT to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
-- REVIEW: fails if acct.num holds NULLs
-- REVIEW: drops column acct.legacy and its data
INSERT INTO acct (id, num, label) SELECT id, num, label FROM _retort_old_acct;

DROP TABLE _retort_old_acct;

CREATE INDEX ix_acct_label ON acct (upper(label)) WHERE num > 0;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table acct (SQLite cannot ALTER this: table definition; drop index "ix_acct_label"; add column "legacy"; modify column "label": type VARCHAR(40) → VARCHAR(10); modify column "num": type INTEGER → TEXT, drop NOT NULL, default 0 → (none); modify column "id": type INTEGER → INT; drop column "title"); its rows are copied
ALTER TABLE acct RENAME TO _retort_old_acct;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE acct (id INT PRIMARY KEY, num TEXT, label VARCHAR(10), legacy TEXT);

-- REVIEW: changes the type of acct.num from INTEGER to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- REVIEW: drops column acct.title and its data
INSERT INTO acct (id, num, label) SELECT id, num, label FROM _retort_old_acct;

DROP TABLE _retort_old_acct;
