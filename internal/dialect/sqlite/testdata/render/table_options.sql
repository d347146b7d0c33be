-- up
CREATE TABLE "users" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(50) COLLATE "NOCASE" DEFAULT 'anon',
  "email" TEXT NOT NULL,
  "score" REAL DEFAULT (abs(-1)) CONSTRAINT "ck_score" CHECK (score >= 0),
  "half" REAL GENERATED ALWAYS AS (score / 2) VIRTUAL,
  "Kind" DEFAULT -1.5,
  CONSTRAINT "pk_users" PRIMARY KEY ("id", "email"),
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  UNIQUE ("name", "email"),
  CONSTRAINT "fk_users_team" FOREIGN KEY ("name") REFERENCES "teams" ("name") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CHECK (length(name) > 0)
) WITHOUT ROWID, STRICT;
-- down
-- review: drops table users and all its data
DROP TABLE users;
