-- up
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table ttttttttttttttttttttttttttttttttttttttttttttttttttttttt (SQLite cannot ALTER this: modify column "id": drop NOT NULL); its rows are copied
ALTER TABLE ttttttttttttttttttttttttttttttttttttttttttttttttttttttt RENAME TO _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO ttttttttttttttttttttttttttttttttttttttttttttttttttttttt (id, name, email, score, "Kind") SELECT id, name, email, score, "Kind" FROM _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
-- AUTOINCREMENT: keep the old table's counter, so that ids of deleted rows are not used again.
DELETE FROM sqlite_sequence WHERE name = 'ttttttttttttttttttttttttttttttttttttttttttttttttttttttt';
UPDATE sqlite_sequence SET name = 'ttttttttttttttttttttttttttttttttttttttttttttttttttttttt' WHERE name = '_retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt';
DROP TABLE _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
CREATE INDEX "ix_users_name" ON "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
CREATE UNIQUE INDEX "ix_users_lower" ON "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (lower(email), "score");
-- down
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;
PRAGMA legacy_alter_table = ON;
-- review: rebuilds table ttttttttttttttttttttttttttttttttttttttttttttttttttttttt (SQLite cannot ALTER this: modify column "id": set NOT NULL); its rows are copied
ALTER TABLE ttttttttttttttttttttttttttttttttttttttttttttttttttttttt RENAME TO _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
PRAGMA legacy_alter_table = OFF;
CREATE TABLE "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (
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
INSERT INTO ttttttttttttttttttttttttttttttttttttttttttttttttttttttt (id, name, email, score, "Kind") SELECT id, name, email, score, "Kind" FROM _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
-- AUTOINCREMENT: keep the old table's counter, so that ids of deleted rows are not used again.
DELETE FROM sqlite_sequence WHERE name = 'ttttttttttttttttttttttttttttttttttttttttttttttttttttttt';
UPDATE sqlite_sequence SET name = 'ttttttttttttttttttttttttttttttttttttttttttttttttttttttt' WHERE name = '_retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt';
DROP TABLE _retort_old_tttttttttttttttttttttttttttttttttttttttttttttttt;
CREATE INDEX "ix_users_name" ON "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("name" COLLATE BINARY DESC) WHERE name IS NOT NULL;
CREATE UNIQUE INDEX "ix_users_lower" ON "ttttttttttttttttttttttttttttttttttttttttttttttttttttttt" (lower(email), "score");
