-- up
CREATE TABLE booking (
    room integer NOT NULL,
    during tstzrange NOT NULL,
    PRIMARY KEY (room, during),
    CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)
);
COMMENT ON CONSTRAINT booking_pkey ON booking IS 'natural key';
COMMENT ON CONSTRAINT no_overlap ON booking IS 'one booking at a time';
COMMENT ON CONSTRAINT ck_users_name ON users IS 'names are not empty';
-- review: fails if existing rows conflict under the exclusion constraint
ALTER TABLE users ADD CONSTRAINT ex_users EXCLUDE USING btree (email WITH =);
-- down
ALTER TABLE users DROP CONSTRAINT ex_users;
COMMENT ON CONSTRAINT ck_users_name ON users IS NULL;
-- review: drops table booking and all its data
DROP TABLE booking;
