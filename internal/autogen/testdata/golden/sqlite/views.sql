-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW v_old;

DROP VIEW v_keep;

DROP VIEW v_change;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": type VARCHAR(20) → VARCHAR(40); table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(40), b INTEGER);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE VIEW v_change AS SELECT id, b, a FROM t WHERE b > 0;

CREATE VIEW v_keep AS SELECT id, a FROM t;

CREATE VIEW v_new AS SELECT id FROM v_keep;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP VIEW v_new;

DROP VIEW v_keep;

DROP VIEW v_change;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "a": type VARCHAR(40) → VARCHAR(20)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER);

INSERT INTO t (id, a, b) SELECT id, a, b FROM _retort_old_t;

DROP TABLE _retort_old_t;

CREATE VIEW v_change AS SELECT id, b FROM t;

CREATE VIEW v_keep AS SELECT id, a FROM t;

CREATE VIEW v_old AS SELECT id FROM t;
