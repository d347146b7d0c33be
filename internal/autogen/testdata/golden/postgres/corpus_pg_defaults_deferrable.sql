-- upgrade
ALTER TABLE plans ALTER COLUMN expires SET DEFAULT (now() + '30 days'::interval);

ALTER TABLE plans ALTER COLUMN code TYPE text COLLATE "C";

ALTER TABLE plans ALTER COLUMN flags SET DEFAULT ARRAY['new'::text];

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE plans ADD CONSTRAINT plans_pos UNIQUE (pos) DEFERRABLE INITIALLY DEFERRED;

-- downgrade
ALTER TABLE plans DROP CONSTRAINT plans_pos;

ALTER TABLE plans ALTER COLUMN flags DROP DEFAULT;

ALTER TABLE plans ALTER COLUMN code TYPE text COLLATE "default";

ALTER TABLE plans ALTER COLUMN expires DROP DEFAULT;
