-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table archive (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE archive RENAME TO _retort_old_archive;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE archive (id INTEGER NOT NULL PRIMARY KEY, at INTEGER);

INSERT INTO archive (id, at) SELECT id, at FROM _retort_old_archive;

DROP TABLE _retort_old_archive;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table drafts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE drafts RENAME TO _retort_old_drafts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE drafts (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20), title VARCHAR(20));

INSERT INTO drafts (id, body, title) SELECT id, body, title FROM _retort_old_drafts;

DROP TABLE _retort_old_drafts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(20));

INSERT INTO posts (id, title) SELECT id, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

ALTER TABLE archive RENAME TO old_posts;

ALTER TABLE posts RENAME TO _retort_tmp_posts;

ALTER TABLE drafts RENAME TO posts;

ALTER TABLE _retort_tmp_posts RENAME TO drafts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table drafts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE drafts RENAME TO _retort_old_drafts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE drafts (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(20));

INSERT INTO drafts (id, title) SELECT id, title FROM _retort_old_drafts;

DROP TABLE _retort_old_drafts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table old_posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE old_posts RENAME TO _retort_old_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE old_posts (id INTEGER NOT NULL PRIMARY KEY, at INTEGER);

INSERT INTO old_posts (id, at) SELECT id, at FROM _retort_old_old_posts;

DROP TABLE _retort_old_old_posts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20), title VARCHAR(20));

INSERT INTO posts (id, body, title) SELECT id, body, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "posts" (
  "id" INTEGER NOT NULL,
  "body" VARCHAR(20),
  "title" VARCHAR(20),
  PRIMARY KEY ("id")
);

INSERT INTO posts (id, body, title) SELECT id, body, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table old_posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE old_posts RENAME TO _retort_old_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "old_posts" (
  "id" INTEGER NOT NULL,
  "at" INTEGER,
  PRIMARY KEY ("id")
);

INSERT INTO old_posts (id, at) SELECT id, at FROM _retort_old_old_posts;

DROP TABLE _retort_old_old_posts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table drafts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE drafts RENAME TO _retort_old_drafts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "drafts" (
  "id" INTEGER NOT NULL,
  "title" VARCHAR(20),
  PRIMARY KEY ("id")
);

INSERT INTO drafts (id, title) SELECT id, title FROM _retort_old_drafts;

DROP TABLE _retort_old_drafts;

ALTER TABLE drafts RENAME TO _retort_tmp_posts;

ALTER TABLE posts RENAME TO drafts;

ALTER TABLE _retort_tmp_posts RENAME TO posts;

ALTER TABLE old_posts RENAME TO archive;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(20));

INSERT INTO posts (id, title) SELECT id, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table drafts (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE drafts RENAME TO _retort_old_drafts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE drafts (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(20), title VARCHAR(20));

INSERT INTO drafts (id, body, title) SELECT id, body, title FROM _retort_old_drafts;

DROP TABLE _retort_old_drafts;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table archive (SQLite cannot ALTER this: table definition); its rows are copied
ALTER TABLE archive RENAME TO _retort_old_archive;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE archive (id INTEGER NOT NULL PRIMARY KEY, at INTEGER);

INSERT INTO archive (id, at) SELECT id, at FROM _retort_old_archive;

DROP TABLE _retort_old_archive;
