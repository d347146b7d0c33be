-- upgrade
ALTER TABLE slots DROP CONSTRAINT slots_room_day;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE slots ADD CONSTRAINT slots_code UNIQUE (code);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE slots ADD CONSTRAINT slots_room_day_hour UNIQUE (room, day, hour);

-- downgrade
ALTER TABLE slots DROP CONSTRAINT slots_room_day_hour;

ALTER TABLE slots DROP CONSTRAINT slots_code;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE slots ADD CONSTRAINT slots_room_day UNIQUE (room, day);
