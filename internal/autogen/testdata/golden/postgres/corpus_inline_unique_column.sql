-- upgrade
ALTER TABLE devices ADD COLUMN serial character varying(20);

-- REVIEW: fails if devices.kind holds NULLs
ALTER TABLE devices ALTER COLUMN kind SET NOT NULL;

ALTER TABLE devices ALTER COLUMN kind SET DEFAULT 'x'::character varying;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE devices ADD CONSTRAINT devices_serial_key UNIQUE (serial);

-- downgrade
ALTER TABLE devices DROP CONSTRAINT devices_serial_key;

ALTER TABLE devices ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE devices ALTER COLUMN kind DROP NOT NULL;

-- REVIEW: drops column devices.serial and its data
ALTER TABLE devices DROP COLUMN serial;
