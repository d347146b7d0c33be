-- upgrade
ALTER TABLE users ADD COLUMN verified boolean DEFAULT false NOT NULL;

ALTER TABLE users ADD COLUMN created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;

ALTER TABLE users ADD COLUMN updated_at timestamp without time zone;

ALTER TABLE users ADD COLUMN deleted_at timestamp without time zone;

ALTER TABLE users ALTER COLUMN active SET DEFAULT true;

CREATE INDEX ix_users_live ON users (email, created_at);

-- downgrade
DROP INDEX ix_users_live;

ALTER TABLE users ALTER COLUMN active DROP DEFAULT;

-- REVIEW: drops column users.deleted_at and its data
ALTER TABLE users DROP COLUMN deleted_at;

-- REVIEW: drops column users.updated_at and its data
ALTER TABLE users DROP COLUMN updated_at;

-- REVIEW: drops column users.created_at and its data
ALTER TABLE users DROP COLUMN created_at;

-- REVIEW: drops column users.verified and its data
ALTER TABLE users DROP COLUMN verified;
