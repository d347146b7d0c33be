-- upgrade
ALTER TABLE booking DROP CONSTRAINT no_overlap;

ALTER TABLE booking DROP CONSTRAINT one_code;

ALTER TABLE booking RENAME CONSTRAINT old_name TO new_name;

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (code IS NOT NULL);

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE booking ADD CONSTRAINT short_code EXCLUDE USING btree (lower(code) WITH =);

COMMENT ON CONSTRAINT short_code ON booking IS 'case-insensitive';

COMMENT ON CONSTRAINT booking_pk ON booking IS 'surrogate key';

COMMENT ON CONSTRAINT uq_code ON booking IS 'one code per room';

COMMENT ON CONSTRAINT positive ON booking IS 'ids start at 1';

COMMENT ON CONSTRAINT new_name ON booking IS 'renamed';

COMMENT ON CONSTRAINT booking_room ON booking IS NULL;

COMMENT ON CONSTRAINT room_pkey ON room IS 'room id';

-- downgrade
COMMENT ON CONSTRAINT room_pkey ON room IS 'room number';

COMMENT ON CONSTRAINT booking_room ON booking IS 'where';

COMMENT ON CONSTRAINT new_name ON booking IS NULL;

COMMENT ON CONSTRAINT positive ON booking IS 'ids start at one';

COMMENT ON CONSTRAINT uq_code ON booking IS NULL;

COMMENT ON CONSTRAINT booking_pk ON booking IS NULL;

ALTER TABLE booking DROP CONSTRAINT short_code;

ALTER TABLE booking DROP CONSTRAINT no_overlap;

ALTER TABLE booking RENAME CONSTRAINT new_name TO old_name;

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE booking ADD CONSTRAINT one_code EXCLUDE USING btree (code WITH =);

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);
