-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: m.num holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT num, num FROM m;

DROP TABLE _retort_fit;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v DECIMAL(10,2), CONSTRAINT "retort: m.f holds values that DECIMAL(10,2) would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT f, f FROM m;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table m (SQLite cannot ALTER this: modify column "code": type INTEGER → VARCHAR(20); modify column "num": type VARCHAR(10) → INTEGER; modify column "body": type VARCHAR(200) → TEXT; modify column "f": type REAL → DECIMAL(10,2); modify column "t": type TEXT → VARCHAR(100); table definition); its rows are copied
ALTER TABLE m RENAME TO _retort_old_m;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(20), num INTEGER, body TEXT, f DECIMAL(10,2), t VARCHAR(100));

-- REVIEW: changes the type of m.code from INTEGER to VARCHAR(20): values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- REVIEW: changes the type of m.num from VARCHAR(10) to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
-- REVIEW: changes the type of m.f from REAL to DECIMAL(10,2): values that NUMERIC affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
INSERT INTO m (id, code, num, body, f, t) SELECT id, code, num, body, f, t FROM _retort_old_m;

DROP TABLE _retort_old_m;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v REAL, CONSTRAINT "retort: m.f holds values that REAL would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT f, f FROM m;

DROP TABLE _retort_fit;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: m.code holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT code, code FROM m;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table m (SQLite cannot ALTER this: table definition; modify column "t": type VARCHAR(100) → TEXT; modify column "f": type DECIMAL(10,2) → REAL; modify column "body": type TEXT → VARCHAR(200); modify column "num": type INTEGER → VARCHAR(10); modify column "code": type VARCHAR(20) → INTEGER); its rows are copied
ALTER TABLE m RENAME TO _retort_old_m;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, code INTEGER, num VARCHAR(10), body VARCHAR(200), f REAL, t TEXT);

-- REVIEW: changes the type of m.f from DECIMAL(10,2) to REAL: values that REAL affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
-- REVIEW: changes the type of m.num from INTEGER to VARCHAR(10): values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- REVIEW: changes the type of m.code from VARCHAR(20) to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
INSERT INTO m (id, code, num, body, f, t) SELECT id, code, num, body, f, t FROM _retort_old_m;

DROP TABLE _retort_old_m;
