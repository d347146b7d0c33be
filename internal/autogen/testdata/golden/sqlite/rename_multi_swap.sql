-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

ALTER TABLE pairs RENAME COLUMN d TO e;

ALTER TABLE pairs RENAME COLUMN c TO d;

ALTER TABLE pairs RENAME COLUMN w TO width;

ALTER TABLE pairs RENAME COLUMN b TO _retort_tmp_b;

ALTER TABLE pairs RENAME COLUMN a TO b;

ALTER TABLE pairs RENAME COLUMN _retort_tmp_b TO a;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pairs (SQLite cannot ALTER this: drop index "pairs_a"; modify column "width": type INTEGER → BIGINT; add index "pairs_a"; table definition); its rows are copied
ALTER TABLE pairs RENAME TO _retort_old_pairs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pairs (id INTEGER NOT NULL PRIMARY KEY, b INTEGER, a INTEGER, d VARCHAR(10), e VARCHAR(10), width BIGINT NOT NULL);

INSERT INTO pairs (id, b, a, d, e, width) SELECT id, b, a, d, e, width FROM _retort_old_pairs;

DROP TABLE _retort_old_pairs;

CREATE INDEX pairs_a ON pairs (b);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pairs (SQLite cannot ALTER this: table definition; drop index "pairs_a"; modify column "width": type BIGINT → INTEGER; add index "pairs_a"); its rows are copied
ALTER TABLE pairs RENAME TO _retort_old_pairs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pairs (id INTEGER NOT NULL PRIMARY KEY, b INTEGER, a INTEGER, d VARCHAR(10), e VARCHAR(10), width INTEGER NOT NULL);

INSERT INTO pairs (id, b, a, d, e, width) SELECT id, b, a, d, e, width FROM _retort_old_pairs;

DROP TABLE _retort_old_pairs;

CREATE INDEX pairs_a ON pairs (b);

ALTER TABLE pairs RENAME COLUMN a TO _retort_tmp_b;

ALTER TABLE pairs RENAME COLUMN b TO a;

ALTER TABLE pairs RENAME COLUMN _retort_tmp_b TO b;

ALTER TABLE pairs RENAME COLUMN width TO w;

ALTER TABLE pairs RENAME COLUMN d TO c;

ALTER TABLE pairs RENAME COLUMN e TO d;
