-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop primary key (a, b); drop unique constraint "uq_t_cd"; drop index "ix_t_de"; drop foreign key "" (e); drop column "b"; drop column "d"; drop column "e"; add primary key (a); add index "ix_t_c"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    a INTEGER NOT NULL,
    c INTEGER,
    PRIMARY KEY (a)
);

-- REVIEW: drops column t.b and its data
-- REVIEW: drops column t.d and its data
-- REVIEW: drops column t.e and its data
-- REVIEW: adds primary key (a) on t: fails if existing rows hold duplicates
INSERT INTO t (a, c) SELECT a, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_c ON t (c);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop index "ix_t_c"; drop primary key (a); add column "e"; add column "d"; add column "b"; add foreign key "" (e) → parent(id); add index "ix_t_de"; add unique constraint "uq_t_cd" (c, d); add primary key (a, b)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    c INTEGER,
    d INTEGER,
    e INTEGER REFERENCES parent (id),
    PRIMARY KEY (a, b),
    CONSTRAINT uq_t_cd UNIQUE (c, d)
);

-- REVIEW: adds NOT NULL column t.b without a default: fails if the table has rows
-- REVIEW: adds unique (c, d) on t: fails if existing rows hold duplicates
-- REVIEW: adds primary key (a, b) on t: fails if existing rows hold duplicates
INSERT INTO t (a, c) SELECT a, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_de ON t (d, e);
