-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table slots (SQLite cannot ALTER this: drop unique constraint "slots_room_day"; add unique constraint "slots_code" (code); add unique constraint "slots_room_day_hour" (room, day, hour); table definition); its rows are copied
ALTER TABLE slots RENAME TO _retort_old_slots;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE slots (id INTEGER NOT NULL PRIMARY KEY, room INTEGER, day INTEGER, hour INTEGER, code VARCHAR(10),
  CONSTRAINT slots_room_day_hour UNIQUE (room, day, hour),
  CONSTRAINT slots_code UNIQUE (code));

-- REVIEW: adds unique (code) on slots: fails if existing rows hold duplicates
-- REVIEW: adds unique (room, day, hour) on slots: fails if existing rows hold duplicates
INSERT INTO slots (id, room, day, hour, code) SELECT id, room, day, hour, code FROM _retort_old_slots;

DROP TABLE _retort_old_slots;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table slots (SQLite cannot ALTER this: table definition; drop unique constraint "slots_room_day_hour"; drop unique constraint "slots_code"; add unique constraint "slots_room_day" (room, day)); its rows are copied
ALTER TABLE slots RENAME TO _retort_old_slots;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE slots (id INTEGER NOT NULL PRIMARY KEY, room INTEGER, day INTEGER, hour INTEGER, code VARCHAR(10),
  CONSTRAINT slots_room_day UNIQUE (room, day));

-- REVIEW: adds unique (room, day) on slots: fails if existing rows hold duplicates
INSERT INTO slots (id, room, day, hour, code) SELECT id, room, day, hour, code FROM _retort_old_slots;

DROP TABLE _retort_old_slots;
