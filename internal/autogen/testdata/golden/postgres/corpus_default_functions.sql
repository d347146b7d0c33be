-- upgrade
ALTER TABLE events ADD COLUMN updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE events ADD COLUMN token text DEFAULT md5((random())::text);

ALTER TABLE events ALTER COLUMN created_at SET DEFAULT now();

ALTER TABLE events ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE events ALTER COLUMN kind SET DEFAULT 'notice'::character varying;

ALTER TABLE events ALTER COLUMN n DROP DEFAULT;

-- downgrade
ALTER TABLE events ALTER COLUMN n SET DEFAULT 0;

ALTER TABLE events ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE events ALTER COLUMN kind SET DEFAULT 'info'::character varying;

ALTER TABLE events ALTER COLUMN created_at DROP DEFAULT;

-- REVIEW: drops column events.token and its data
ALTER TABLE events DROP COLUMN token;

-- REVIEW: drops column events.updated_at and its data
ALTER TABLE events DROP COLUMN updated_at;
