-- up
DROP INDEX ix_users_name;
-- review: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_users_email ON users (email NULLS FIRST) NULLS NOT DISTINCT;
ALTER INDEX ix_users_tags RENAME TO ix_tags;
-- down
ALTER INDEX ix_tags RENAME TO ix_users_tags;
DROP INDEX ix_users_email;
CREATE INDEX ix_users_name ON users (name DESC NULLS LAST) WHERE (name IS NOT NULL);
COMMENT ON INDEX ix_users_name IS 'lookup';
