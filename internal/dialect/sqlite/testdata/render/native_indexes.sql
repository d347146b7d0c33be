-- up
DROP INDEX ix_users_name;
-- review: fails if existing rows hold duplicates
CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email");
DROP INDEX ix_users_lower;
CREATE UNIQUE INDEX "ix_lower" ON "users" (lower(email), "score");
-- down
DROP INDEX ix_lower;
CREATE UNIQUE INDEX "ix_users_lower" ON "users" (lower(email), "score");
DROP INDEX ix_users_email;
CREATE INDEX "ix_users_name" ON "users" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
