-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE tag (id INTEGER NOT NULL PRIMARY KEY, "Label" VARCHAR(30) NOT NULL UNIQUE);

CREATE TABLE post_tag (
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);

-- REVIEW: rebuilds table comment (SQLite cannot ALTER this: drop foreign key "" (post_id); add column "parent_id"; add index "Ix_Comment_Parent"; add foreign key "" (parent_id) → comment(id); add foreign key "" (post_id) → post(id); table definition); its rows are copied
ALTER TABLE comment RENAME TO _retort_old_comment;

CREATE TABLE "comment" (
    id INTEGER NOT NULL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES "comment" (id) ON DELETE CASCADE,
    body TEXT NOT NULL
);

INSERT INTO comment (id, post_id, body) SELECT id, post_id, body FROM _retort_old_comment;

DROP TABLE _retort_old_comment;

CREATE INDEX "Ix_Comment_Parent" ON "comment" (parent_id);

-- REVIEW: rebuilds table post (SQLite cannot ALTER this: drop foreign key "" (author_id); add column "slug"; modify column "published": default FALSE → TRUE; add unique constraint "UQ_post_slug" (author_id, slug); add foreign key "" (author_id) → user(id); table definition); its rows are copied
ALTER TABLE post RENAME TO _retort_old_post;

CREATE TABLE post (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    title VARCHAR(100) NOT NULL,
    slug VARCHAR(100),
    body TEXT,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT "UQ_post_slug" UNIQUE (author_id, slug)
);

INSERT INTO post (id, author_id, title, body, published) SELECT id, author_id, title, body, published FROM _retort_old_post;

DROP TABLE _retort_old_post;

-- REVIEW: rebuilds table user (SQLite cannot ALTER this: modify column "Name": type VARCHAR(40) → VARCHAR(60); modify column "order": default (none) → 1; drop column "bio"; table definition); its rows are copied
ALTER TABLE user RENAME TO _retort_old_user;

CREATE TABLE "user" (
    id INTEGER NOT NULL PRIMARY KEY,
    "Name" VARCHAR(60) NOT NULL,
    "order" INTEGER DEFAULT 1
);

INSERT INTO user (id, "Name", "order") SELECT id, "Name", "order" FROM _retort_old_user;

DROP TABLE _retort_old_user;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table user (SQLite cannot ALTER this: table definition; add column "bio"; modify column "order": default 1 → (none); modify column "Name": type VARCHAR(60) → VARCHAR(40)); its rows are copied
ALTER TABLE user RENAME TO _retort_old_user;

CREATE TABLE "user" (
    id INTEGER NOT NULL PRIMARY KEY,
    "Name" VARCHAR(40) NOT NULL,
    bio TEXT,
    "order" INTEGER
);

INSERT INTO user (id, "Name", "order") SELECT id, "Name", "order" FROM _retort_old_user;

DROP TABLE _retort_old_user;

-- REVIEW: rebuilds table post (SQLite cannot ALTER this: table definition; drop foreign key "" (author_id); drop unique constraint "UQ_post_slug"; modify column "published": default TRUE → FALSE; drop column "slug"; add foreign key "" (author_id) → user(id)); its rows are copied
ALTER TABLE post RENAME TO _retort_old_post;

CREATE TABLE post (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES "user" (id),
    title VARCHAR(100) NOT NULL,
    body TEXT,
    published BOOLEAN NOT NULL DEFAULT FALSE
);

INSERT INTO post (id, author_id, title, body, published) SELECT id, author_id, title, body, published FROM _retort_old_post;

DROP TABLE _retort_old_post;

-- REVIEW: rebuilds table comment (SQLite cannot ALTER this: table definition; drop foreign key "" (post_id); drop foreign key "" (parent_id); drop index "Ix_Comment_Parent"; drop column "parent_id"; add foreign key "" (post_id) → post(id)); its rows are copied
ALTER TABLE comment RENAME TO _retort_old_comment;

CREATE TABLE "comment" (
    id INTEGER NOT NULL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES post (id),
    body TEXT NOT NULL
);

INSERT INTO comment (id, post_id, body) SELECT id, post_id, body FROM _retort_old_comment;

DROP TABLE _retort_old_comment;

-- REVIEW: drops table post_tag and all its data
DROP TABLE post_tag;

-- REVIEW: drops table tag and all its data
DROP TABLE tag;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
