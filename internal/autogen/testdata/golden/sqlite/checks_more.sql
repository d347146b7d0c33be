-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table booking (SQLite cannot ALTER this: drop check constraint ""; drop check constraint ""; drop check constraint "ck_seats"; add column "state"; add check constraint ""; add check constraint ""; add check constraint ""; add check constraint "ck_booking_seats"; table definition); its rows are copied
ALTER TABLE booking RENAME TO _retort_old_booking;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE booking (
    id INTEGER NOT NULL PRIMARY KEY,
    starts INTEGER NOT NULL CHECK (starts >= 0),
    ends INTEGER NOT NULL,
    seats INTEGER CONSTRAINT ck_booking_seats CHECK (seats BETWEEN 1 AND 10),
    state VARCHAR(10) DEFAULT 'new' CHECK (state IN ('new', 'done')),
    CHECK (ends > starts)
);

-- REVIEW: adds check (ends > starts) on booking: fails if existing rows violate the check
-- REVIEW: adds check (starts >= 0) on booking: fails if existing rows violate the check
-- REVIEW: adds check (state IN ('new', 'done')) on booking: fails if existing rows violate the check
-- REVIEW: adds check (seats BETWEEN 1 AND 10) on booking: fails if existing rows violate the check
INSERT INTO booking (id, starts, ends, seats) SELECT id, starts, ends, seats FROM _retort_old_booking;

DROP TABLE _retort_old_booking;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table booking (SQLite cannot ALTER this: table definition; drop check constraint "ck_booking_seats"; drop check constraint ""; drop check constraint ""; drop check constraint ""; drop column "state"; add check constraint "ck_seats"; add check constraint ""; add check constraint ""); its rows are copied
ALTER TABLE booking RENAME TO _retort_old_booking;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE booking (
    id INTEGER NOT NULL PRIMARY KEY,
    starts INTEGER NOT NULL CHECK (starts > 0),
    ends INTEGER NOT NULL,
    seats INTEGER CONSTRAINT ck_seats CHECK (seats BETWEEN 1 AND 10),
    CHECK (ends >= starts)
);

-- REVIEW: drops column booking.state and its data
-- REVIEW: adds check (seats BETWEEN 1 AND 10) on booking: fails if existing rows violate the check
-- REVIEW: adds check (starts > 0) on booking: fails if existing rows violate the check
-- REVIEW: adds check (ends >= starts) on booking: fails if existing rows violate the check
INSERT INTO booking (id, starts, ends, seats) SELECT id, starts, ends, seats FROM _retort_old_booking;

DROP TABLE _retort_old_booking;
