-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop unique constraint "uq_a"; rename unique constraint "uq_b_old" to "uq_b_new"; add unique constraint "uq_ac" (a, c); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    c INTEGER,
    CONSTRAINT uq_b_new UNIQUE (b),
    CONSTRAINT uq_ac UNIQUE (a, c)
);

-- REVIEW: adds unique (a, c) on t: fails if existing rows hold duplicates
INSERT INTO t (id, a, b, c) SELECT id, a, b, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop unique constraint "uq_ac"; rename unique constraint "uq_b_new" to "uq_b_old"; add unique constraint "uq_a" (a)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a INTEGER,
    b INTEGER,
    c INTEGER,
    CONSTRAINT uq_a UNIQUE (a),
    CONSTRAINT uq_b_old UNIQUE (b)
);

-- REVIEW: adds unique (a) on t: fails if existing rows hold duplicates
INSERT INTO t (id, a, b, c) SELECT id, a, b, c FROM _retort_old_t;

DROP TABLE _retort_old_t;
