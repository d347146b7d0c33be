-- upgrade
ALTER TABLE bookings RENAME CONSTRAINT bookings_nights_check TO bookings_nights;

ALTER TABLE bookings ADD COLUMN ends integer;

ALTER TABLE bookings ADD COLUMN guests integer DEFAULT 1;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE bookings ADD CONSTRAINT bookings_guests CHECK (guests >= 1 AND guests <= 10);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE bookings ADD CONSTRAINT bookings_order CHECK (ends IS NULL OR ends > starts);

-- downgrade
ALTER TABLE bookings DROP CONSTRAINT bookings_order;

ALTER TABLE bookings DROP CONSTRAINT bookings_guests;

-- REVIEW: drops column bookings.guests and its data
ALTER TABLE bookings DROP COLUMN guests;

-- REVIEW: drops column bookings.ends and its data
ALTER TABLE bookings DROP COLUMN ends;

ALTER TABLE bookings RENAME CONSTRAINT bookings_nights TO bookings_nights_check;
