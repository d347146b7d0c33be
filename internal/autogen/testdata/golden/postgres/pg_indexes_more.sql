-- upgrade
ALTER TABLE users DROP CONSTRAINT users_email_key;

DROP INDEX users_created;

DROP INDEX users_org;

CREATE INDEX "Users_Email_Hash" ON users USING hash (email);

CREATE INDEX users_created ON users USING brin (created);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX users_email_live ON users ((lower(email))) WHERE deleted_at IS NULL;

CREATE INDEX users_org ON users (org_id, created DESC) INCLUDE (email);

-- downgrade
DROP INDEX users_org;

DROP INDEX users_email_live;

DROP INDEX users_created;

DROP INDEX "Users_Email_Hash";

CREATE INDEX users_org ON users (org_id);

CREATE INDEX users_created ON users (created);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
