-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": set NOT NULL; modify column "b": drop NOT NULL; modify column "c": default 1 → 2; modify column "d": default 'x' → (none); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50) NOT NULL,
    b INTEGER,
    c INTEGER DEFAULT 2,
    d VARCHAR(10)
);

-- REVIEW: fails if t.a holds NULLs
INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "d": default (none) → 'x'; modify column "c": default 2 → 1; modify column "b": set NOT NULL; modify column "a": drop NOT NULL); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50),
    b INTEGER NOT NULL,
    c INTEGER DEFAULT 1,
    d VARCHAR(10) DEFAULT 'x'
);

-- REVIEW: fails if t.b holds NULLs
INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;
