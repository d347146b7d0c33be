-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table bookings (SQLite cannot ALTER this: drop check constraint ""; add column "ends"; add column "guests"; add check constraint "bookings_guests"; add check constraint "bookings_nights"; add check constraint "bookings_order"; table definition); its rows are copied
ALTER TABLE bookings RENAME TO _retort_old_bookings;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE bookings (id INTEGER NOT NULL PRIMARY KEY, starts INTEGER, nights INTEGER, ends INTEGER, guests INTEGER DEFAULT 1,
  CONSTRAINT bookings_nights CHECK (nights > 0),
  CONSTRAINT bookings_order CHECK (ends IS NULL OR ends > starts),
  CONSTRAINT bookings_guests CHECK (guests BETWEEN 1 AND 10));

-- REVIEW: adds check (guests BETWEEN 1 AND 10) on bookings: fails if existing rows violate the check
-- REVIEW: adds check (nights > 0) on bookings: fails if existing rows violate the check
-- REVIEW: adds check (ends IS NULL OR ends > starts) on bookings: fails if existing rows violate the check
INSERT INTO bookings (id, starts, nights) SELECT id, starts, nights FROM _retort_old_bookings;

DROP TABLE _retort_old_bookings;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table bookings (SQLite cannot ALTER this: table definition; drop check constraint "bookings_order"; drop check constraint "bookings_nights"; drop check constraint "bookings_guests"; drop column "guests"; drop column "ends"; add check constraint ""); its rows are copied
ALTER TABLE bookings RENAME TO _retort_old_bookings;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE bookings (id INTEGER NOT NULL PRIMARY KEY, starts INTEGER, nights INTEGER CHECK (nights > 0));

-- REVIEW: drops column bookings.guests and its data
-- REVIEW: drops column bookings.ends and its data
-- REVIEW: adds check (nights > 0) on bookings: fails if existing rows violate the check
INSERT INTO bookings (id, starts, nights) SELECT id, starts, nights FROM _retort_old_bookings;

DROP TABLE _retort_old_bookings;
