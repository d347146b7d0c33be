-- upgrade
DROP INDEX ix_t_old;

ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 3;

-- REVIEW: drops column t.old and its data
ALTER TABLE t DROP COLUMN old;

-- REVIEW: drops column t.note and its data
ALTER TABLE t DROP COLUMN note;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; add column "note"; add column "old"; drop column "b"; add index "ix_t_old"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL,
    a TEXT CHECK (a <> ''),
    old INTEGER,
    note TEXT,
    CONSTRAINT pk_t PRIMARY KEY (id),
    CONSTRAINT ck_t_id CHECK (id > 0)
);

-- REVIEW: drops column t.b and its data
INSERT INTO t (id, a) SELECT id, a FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_a ON t (a);

CREATE INDEX ix_t_old ON t (old);
