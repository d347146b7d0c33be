-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop check constraint "ck_a"; drop check constraint "ck_b"; rename check constraint "ck_old" to "ck_new"; add check constraint "ck_a"; add check constraint "ck_ab"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    CONSTRAINT ck_a CHECK (a >= 0),
    CONSTRAINT ck_new CHECK (a <> 7),
    CONSTRAINT ck_ab CHECK (a < b)
);

-- REVIEW: adds check (a >= 0) on t: fails if existing rows violate the check
-- REVIEW: adds check (a < b) on t: fails if existing rows violate the check
INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop check constraint "ck_ab"; drop check constraint "ck_a"; rename check constraint "ck_new" to "ck_old"; add check constraint "ck_b"; add check constraint "ck_a"); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    CONSTRAINT ck_a CHECK (a > 0),
    CONSTRAINT ck_b CHECK (b < 100),
    CONSTRAINT ck_old CHECK (a <> 7)
);

-- REVIEW: adds check (b < 100) on t: fails if existing rows violate the check
-- REVIEW: adds check (a > 0) on t: fails if existing rows violate the check
INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;
