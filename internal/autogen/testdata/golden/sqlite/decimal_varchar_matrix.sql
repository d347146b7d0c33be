-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table m (SQLite cannot ALTER this: modify column "a": type VARCHAR(10) → VARCHAR(5); modify column "b": type NUMERIC(10,2) → NUMERIC(12,4); modify column "c": type CHAR(5) → VARCHAR(5); modify column "d": type TEXT → VARCHAR(100); modify column "e": type SMALLINT → INTEGER; modify column "f": type BIGINT → INTEGER; modify column "g": type REAL → DOUBLE PRECISION; modify column "h": type DECIMAL(5,0) → DECIMAL(7,2); table definition); its rows are copied
ALTER TABLE m RENAME TO _retort_old_m;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE m (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(5),
    b NUMERIC(12,4),
    c VARCHAR(5),
    d VARCHAR(100),
    e INTEGER,
    f INTEGER,
    g DOUBLE PRECISION,
    h DECIMAL(7,2)
);

INSERT INTO m (id, a, b, c, d, e, f, g, h) SELECT id, a, b, c, d, e, f, g, h FROM _retort_old_m;

DROP TABLE _retort_old_m;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table m (SQLite cannot ALTER this: table definition; modify column "h": type DECIMAL(7,2) → DECIMAL(5,0); modify column "g": type DOUBLE PRECISION → REAL; modify column "f": type INTEGER → BIGINT; modify column "e": type INTEGER → SMALLINT; modify column "d": type VARCHAR(100) → TEXT; modify column "c": type VARCHAR(5) → CHAR(5); modify column "b": type NUMERIC(12,4) → NUMERIC(10,2); modify column "a": type VARCHAR(5) → VARCHAR(10)); its rows are copied
ALTER TABLE m RENAME TO _retort_old_m;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE m (
    id INTEGER NOT NULL PRIMARY KEY,
    a VARCHAR(10),
    b NUMERIC(10,2),
    c CHAR(5),
    d TEXT,
    e SMALLINT,
    f BIGINT,
    g REAL,
    h DECIMAL(5,0)
);

INSERT INTO m (id, a, b, c, d, e, f, g, h) SELECT id, a, b, c, d, e, f, g, h FROM _retort_old_m;

DROP TABLE _retort_old_m;
