-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table booking (SQLite cannot ALTER this: drop check constraint ""; drop check constraint ""; drop check constraint "ck_seats"; add column "state"; add check constraint ""; add check constraint ""; add check constraint ""; add check constraint "ck_booking_seats"; table definition); its rows are copied
ALTER TABLE booking RENAME TO _retort_old_booking;

CREATE TABLE booking (
    id INTEGER NOT NULL PRIMARY KEY,
    starts INTEGER NOT NULL CHECK (starts >= 0),
    ends INTEGER NOT NULL,
    seats INTEGER CONSTRAINT ck_booking_seats CHECK (seats BETWEEN 1 AND 10),
    state VARCHAR(10) DEFAULT 'new' CHECK (state IN ('new', 'done')),
    CHECK (ends > starts)
);

INSERT INTO booking (id, starts, ends, seats) SELECT id, starts, ends, seats FROM _retort_old_booking;

DROP TABLE _retort_old_booking;

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

-- REVIEW: rebuilds table booking (SQLite cannot ALTER this: table definition; drop check constraint "ck_booking_seats"; drop check constraint ""; drop check constraint ""; drop check constraint ""; drop column "state"; add check constraint "ck_seats"; add check constraint ""; add check constraint ""); its rows are copied
ALTER TABLE booking RENAME TO _retort_old_booking;

CREATE TABLE booking (
    id INTEGER NOT NULL PRIMARY KEY,
    starts INTEGER NOT NULL CHECK (starts > 0),
    ends INTEGER NOT NULL,
    seats INTEGER CONSTRAINT ck_seats CHECK (seats BETWEEN 1 AND 10),
    CHECK (ends >= starts)
);

INSERT INTO booking (id, starts, ends, seats) SELECT id, starts, ends, seats FROM _retort_old_booking;

DROP TABLE _retort_old_booking;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
