-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v DECIMAL(10,3), CONSTRAINT "retort: ledger.units holds values that DECIMAL(10,3) would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT units, units FROM ledger;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table ledger (SQLite cannot ALTER this: modify column "amount": type DECIMAL(12,4) → DECIMAL(10,2); modify column "fee": type DECIMAL(6,2) → DECIMAL(10,2); modify column "units": type INTEGER → DECIMAL(10,3); table definition); its rows are copied
ALTER TABLE ledger RENAME TO _retort_old_ledger;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE ledger (id INTEGER NOT NULL PRIMARY KEY, amount DECIMAL(10,2), fee DECIMAL(10,2), units DECIMAL(10,3));

-- REVIEW: changes the type of ledger.units from INTEGER to DECIMAL(10,3): values that NUMERIC affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
INSERT INTO ledger (id, amount, fee, units) SELECT id, amount, fee, units FROM _retort_old_ledger;

DROP TABLE _retort_old_ledger;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: ledger.units holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT units, units FROM ledger;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table ledger (SQLite cannot ALTER this: table definition; modify column "units": type DECIMAL(10,3) → INTEGER; modify column "fee": type DECIMAL(10,2) → DECIMAL(6,2); modify column "amount": type DECIMAL(10,2) → DECIMAL(12,4)); its rows are copied
ALTER TABLE ledger RENAME TO _retort_old_ledger;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE ledger (id INTEGER NOT NULL PRIMARY KEY, amount DECIMAL(12,4), fee DECIMAL(6,2), units INTEGER);

-- REVIEW: changes the type of ledger.units from DECIMAL(10,3) to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
INSERT INTO ledger (id, amount, fee, units) SELECT id, amount, fee, units FROM _retort_old_ledger;

DROP TABLE _retort_old_ledger;
