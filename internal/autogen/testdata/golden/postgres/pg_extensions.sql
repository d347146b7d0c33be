-- upgrade
CREATE EXTENSION IF NOT EXISTS citext;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

ALTER TABLE t ADD COLUMN email citext;

ALTER TABLE t ADD COLUMN token uuid DEFAULT uuid_generate_v4();

-- REVIEW: drops column t.attrs and its data
ALTER TABLE t DROP COLUMN attrs;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE (email);

-- REVIEW: drops extension hstore and fails if something still uses it
DROP EXTENSION hstore;

-- downgrade
CREATE EXTENSION IF NOT EXISTS hstore;

ALTER TABLE t DROP CONSTRAINT t_email_key;

ALTER TABLE t ADD COLUMN attrs hstore;

-- REVIEW: drops column t.token and its data
ALTER TABLE t DROP COLUMN token;

-- REVIEW: drops column t.email and its data
ALTER TABLE t DROP COLUMN email;

-- REVIEW: drops extension uuid-ossp and fails if something still uses it
DROP EXTENSION "uuid-ossp";

-- REVIEW: drops extension citext and fails if something still uses it
DROP EXTENSION citext;
