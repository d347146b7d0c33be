-- upgrade
ALTER TABLE booking DROP CONSTRAINT booking_check;

ALTER TABLE booking DROP CONSTRAINT booking_starts_check;

ALTER TABLE booking RENAME CONSTRAINT ck_seats TO ck_booking_seats;

ALTER TABLE booking ADD COLUMN state character varying(10) DEFAULT 'new'::character varying;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE booking ADD CONSTRAINT booking_check CHECK (ends > starts);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE booking ADD CONSTRAINT booking_starts_check CHECK (starts >= 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE booking ADD CONSTRAINT booking_state_check CHECK (state::text = ANY (ARRAY['new'::character varying, 'done'::character varying]::character varying[]::text[]));

-- downgrade
ALTER TABLE booking DROP CONSTRAINT booking_state_check;

ALTER TABLE booking DROP CONSTRAINT booking_starts_check;

ALTER TABLE booking DROP CONSTRAINT booking_check;

-- REVIEW: drops column booking.state and its data
ALTER TABLE booking DROP COLUMN state;

ALTER TABLE booking RENAME CONSTRAINT ck_booking_seats TO ck_seats;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE booking ADD CONSTRAINT booking_starts_check CHECK (starts > 0);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE booking ADD CONSTRAINT booking_check CHECK (ends >= starts);
