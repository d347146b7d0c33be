-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: t.d holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT d, d FROM t;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: modify column "a": type VARCHAR(50) → VARCHAR(200); modify column "b": type INTEGER → BIGINT; modify column "c": type NUMERIC(8,2) → NUMERIC(12,4); modify column "d": type VARCHAR(10) → INTEGER; table definition); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(200),
    b BIGINT,
    c NUMERIC(12,4),
    d INTEGER
);

-- REVIEW: changes the type of t.d from VARCHAR(10) to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table t (SQLite cannot ALTER this: table definition; modify column "d": type INTEGER → VARCHAR(10); modify column "c": type NUMERIC(12,4) → NUMERIC(8,2); modify column "b": type BIGINT → INTEGER; modify column "a": type VARCHAR(200) → VARCHAR(50)); its rows are copied
ALTER TABLE t RENAME TO _retort_old_t;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE t (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(50),
    b INTEGER,
    c NUMERIC(8,2),
    d VARCHAR(10)
);

-- REVIEW: changes the type of t.d from INTEGER to VARCHAR(10): values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
INSERT INTO t (id, a, b, c, d) SELECT id, a, b, c, d FROM _retort_old_t;

DROP TABLE _retort_old_t;
