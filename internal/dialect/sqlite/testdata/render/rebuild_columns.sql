-- up
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
CREATE TEMP TABLE _retort_fit (o, v INTEGER, CONSTRAINT "retort: users.name holds values that INTEGER would store as something else; change them first (the type change was not made)" CHECK (+o IS +v OR CAST(o AS TEXT) IS CAST(v AS TEXT)));
INSERT INTO _retort_fit SELECT name, name FROM users;
DROP TABLE _retort_fit;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table users (SQLite cannot ALTER this: modify column "name": type VARCHAR(50) → INTEGER, set NOT NULL, collation NOCASE → (none); modify column "email": type TEXT → BLOB; modify column "score": type REAL → TEXT, default abs(-1) → (none), generation expression; add column "age"; drop column "half"; drop column "Kind"); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE "users" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" INTEGER NOT NULL DEFAULT 'anon',
  "email" BLOB NOT NULL,
  "score" TEXT GENERATED ALWAYS AS (id * 2) STORED CONSTRAINT "ck_score" CHECK (score >= 0),
  "age" INTEGER NOT NULL,
  CONSTRAINT "uq_users_email" UNIQUE ("email"),
  UNIQUE ("name", "email"),
  CONSTRAINT "fk_users_team" FOREIGN KEY ("name") REFERENCES "teams" ("name") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CHECK (length(name) > 0)
);
-- review: changes the type of users.name from VARCHAR(50) to INTEGER: values that INTEGER affinity would store as something else (text that reads as a number but not as written, like '007' or '1.50'; integers beyond 2^53 under REAL) fail the guard above it, and nothing is changed; every other value is kept
-- review: fails if users.name holds NULLs
-- review: changes the collation of users.name, which a unique key uses: fails if existing values become duplicates
-- review: changes the type of users.score from REAL to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- review: makes users.score a generated column: its stored values are replaced by the expression's
-- review: adds NOT NULL column users.age without a default: fails if the table has rows
-- review: drops column users.Kind and its data
INSERT INTO users (id, name, email) SELECT id, name, email FROM _retort_old_users;
-- AUTOINCREMENT: keep the old table's counter, so that ids of deleted rows are not used again.
DELETE FROM sqlite_sequence WHERE name = 'users';
UPDATE sqlite_sequence SET name = 'users' WHERE name = '_retort_old_users';
DROP TABLE _retort_old_users;
CREATE INDEX "ix_users_name" ON "users" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
CREATE UNIQUE INDEX "ix_users_lower" ON "users" (lower(email), "score");
-- down
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table users (SQLite cannot ALTER this: add column "Kind"; add column "half"; drop column "age"; modify column "score": type TEXT → REAL, default (none) → abs(-1), generation expression; modify column "email": type BLOB → TEXT; modify column "name": type INTEGER → VARCHAR(50), drop NOT NULL, collation (none) → NOCASE); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;
PRAGMA legacy_alter_table = OFF;
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
-- review: drops column users.age and its data
-- review: changes the type of users.email from BLOB to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- review: changes the type of users.name from INTEGER to VARCHAR(50): values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
-- review: changes the collation of users.name, which a unique key uses: fails if existing values become duplicates
INSERT INTO users (id, name, email, score) SELECT id, name, email, score FROM _retort_old_users;
-- AUTOINCREMENT: keep the old table's counter, so that ids of deleted rows are not used again.
DELETE FROM sqlite_sequence WHERE name = 'users';
UPDATE sqlite_sequence SET name = 'users' WHERE name = '_retort_old_users';
DROP TABLE _retort_old_users;
CREATE INDEX "ix_users_name" ON "users" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
CREATE UNIQUE INDEX "ix_users_lower" ON "users" (lower(email), "score");
