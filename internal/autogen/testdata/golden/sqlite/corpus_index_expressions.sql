-- upgrade
DROP INDEX users_active;

DROP INDEX users_email_lower;

DROP INDEX users_name_upper;

CREATE INDEX users_active ON users (email) WHERE active = 1 AND name IS NOT NULL;

CREATE INDEX users_email_lower ON users (lower(email), id);

CREATE INDEX users_name_len ON users (length(name));

-- downgrade
DROP INDEX users_name_len;

DROP INDEX users_email_lower;

DROP INDEX users_active;

CREATE INDEX users_name_upper ON users (upper(name));

CREATE INDEX users_email_lower ON users (lower(email));

CREATE INDEX users_active ON users (email) WHERE active = 1;
