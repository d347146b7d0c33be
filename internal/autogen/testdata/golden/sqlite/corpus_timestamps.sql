-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: add column "seen"; modify column "at": type TIMESTAMP → DATETIME; modify column "day": type DATE → TIMESTAMP; modify column "t": type TIME → TEXT; table definition); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE log (id INTEGER NOT NULL PRIMARY KEY, at DATETIME, day TIMESTAMP, t TEXT, seen TIMESTAMP);

-- REVIEW: changes the type of log.t from TIME to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
INSERT INTO log (id, at, day, t) SELECT id, at, day, t FROM _retort_old_log;

DROP TABLE _retort_old_log;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

-- +retort StatementBegin
CREATE TEMP TABLE _retort_fit (o, v TIME, CONSTRAINT "retort: log.t holds values that TIME would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
-- +retort StatementEnd

INSERT INTO _retort_fit SELECT t, t FROM log;

DROP TABLE _retort_fit;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table log (SQLite cannot ALTER this: table definition; modify column "t": type TEXT → TIME; modify column "day": type TIMESTAMP → DATE; modify column "at": type DATETIME → TIMESTAMP; drop column "seen"); its rows are copied
ALTER TABLE log RENAME TO _retort_old_log;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE log (id INTEGER NOT NULL PRIMARY KEY, at TIMESTAMP, day DATE, t TIME);

-- REVIEW: changes the type of log.t from TEXT to TIME: values that NUMERIC affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
-- REVIEW: drops column log.seen and its data
INSERT INTO log (id, at, day, t) SELECT id, at, day, t FROM _retort_old_log;

DROP TABLE _retort_old_log;
