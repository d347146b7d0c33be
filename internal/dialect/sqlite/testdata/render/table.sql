-- up
CREATE TABLE "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" VARCHAR(50) COLLATE "NOCASE" DEFAULT 'anon',
  "email" TEXT NOT NULL,
  "score" REAL DEFAULT (abs(-1)) CONSTRAINT "ck_score" CHECK (score >= 0),
  "half" REAL GENERATED ALWAYS AS (score / 2) VIRTUAL,
  "Kind" DEFAULT -1.5,
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  UNIQUE ("name", "email"),
  CONSTRAINT "fk_users_team" FOREIGN KEY ("name") REFERENCES "teams" ("name") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CHECK (length(name) > 0)
);
CREATE INDEX "ix_users_name" ON "users" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
CREATE UNIQUE INDEX "ix_users_lower" ON "users" (lower(email), "score");
CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END;
-- down
-- review: drops trigger tr_users on users: what it does on changes to users stops happening
DROP TRIGGER tr_users;
-- review: drops table users and all its data
DROP TABLE users;
