-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: drop primary key (a, b); drop unique constraint "uq_t_cd"; drop index "ix_t_de"; drop foreign key "" (e); drop column "b"; drop column "d"; drop column "e"; add primary key (a); add index "ix_t_c"; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    a INTEGER NOT NULL,
    c INTEGER,
    PRIMARY KEY (a)
);

INSERT INTO t (a, c) SELECT a, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_c ON t (c);

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

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; drop index "ix_t_c"; drop primary key (a); add column "e"; add column "d"; add column "b"; add foreign key "" (e) → parent(id); add index "ix_t_de"; add unique constraint "uq_t_cd" (c, d); add primary key (a, b)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

CREATE TABLE t (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    c INTEGER,
    d INTEGER,
    e INTEGER REFERENCES parent (id),
    PRIMARY KEY (a, b),
    CONSTRAINT uq_t_cd UNIQUE (c, d)
);

INSERT INTO t (a, c) SELECT a, c FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE INDEX ix_t_de ON t (d, e);

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
