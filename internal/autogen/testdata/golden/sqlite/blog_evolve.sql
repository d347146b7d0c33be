-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE tag (id INTEGER NOT NULL PRIMARY KEY, "Label" VARCHAR(30) NOT NULL UNIQUE);

CREATE TABLE post_tag (
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table comment (SQLite cannot ALTER this: drop foreign key "" (post_id); add column "parent_id"; add index "Ix_Comment_Parent"; add foreign key "" (parent_id) → comment(id); add foreign key "" (post_id) → post(id); table definition); its rows are copied
ALTER TABLE comment RENAME TO _retort_old_comment;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "comment" (
    id INTEGER NOT NULL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES "comment" (id) ON DELETE CASCADE,
    body TEXT NOT NULL
);

-- REVIEW: adds foreign key comment (post_id) -> post: fails if an existing row references no row of post (PRAGMA foreign_key_check)
INSERT INTO comment (id, post_id, body) SELECT id, post_id, body FROM _retort_old_comment;

DROP TABLE _retort_old_comment;

CREATE INDEX "Ix_Comment_Parent" ON "comment" (parent_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table post (SQLite cannot ALTER this: drop foreign key "" (author_id); add column "slug"; modify column "published": default FALSE → TRUE; add unique constraint "UQ_post_slug" (author_id, slug); add foreign key "" (author_id) → user(id); table definition); its rows are copied
ALTER TABLE post RENAME TO _retort_old_post;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE post (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    title VARCHAR(100) NOT NULL,
    slug VARCHAR(100),
    body TEXT,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT "UQ_post_slug" UNIQUE (author_id, slug)
);

-- REVIEW: adds unique (author_id, slug) on post: fails if existing rows hold duplicates
-- REVIEW: adds foreign key post (author_id) -> user: fails if an existing row references no row of user (PRAGMA foreign_key_check)
INSERT INTO post (id, author_id, title, body, published) SELECT id, author_id, title, body, published FROM _retort_old_post;

DROP TABLE _retort_old_post;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table user (SQLite cannot ALTER this: modify column "Name": type VARCHAR(40) → VARCHAR(60); modify column "order": default (none) → 1; drop column "bio"; table definition); its rows are copied
ALTER TABLE user RENAME TO _retort_old_user;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "user" (
    id INTEGER NOT NULL PRIMARY KEY,
    "Name" VARCHAR(60) NOT NULL,
    "order" INTEGER DEFAULT 1
);

-- REVIEW: drops column user.bio and its data
INSERT INTO user (id, "Name", "order") SELECT id, "Name", "order" FROM _retort_old_user;

DROP TABLE _retort_old_user;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table user (SQLite cannot ALTER this: table definition; add column "bio"; modify column "order": default 1 → (none); modify column "Name": type VARCHAR(60) → VARCHAR(40)); its rows are copied
ALTER TABLE user RENAME TO _retort_old_user;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "user" (
    id INTEGER NOT NULL PRIMARY KEY,
    "Name" VARCHAR(40) NOT NULL,
    bio TEXT,
    "order" INTEGER
);

INSERT INTO user (id, "Name", "order") SELECT id, "Name", "order" FROM _retort_old_user;

DROP TABLE _retort_old_user;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table post (SQLite cannot ALTER this: table definition; drop foreign key "" (author_id); drop unique constraint "UQ_post_slug"; modify column "published": default TRUE → FALSE; drop column "slug"; add foreign key "" (author_id) → user(id)); its rows are copied
ALTER TABLE post RENAME TO _retort_old_post;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE post (
    id INTEGER NOT NULL PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES "user" (id),
    title VARCHAR(100) NOT NULL,
    body TEXT,
    published BOOLEAN NOT NULL DEFAULT FALSE
);

-- REVIEW: drops column post.slug and its data
-- REVIEW: adds foreign key post (author_id) -> user: fails if an existing row references no row of user (PRAGMA foreign_key_check)
INSERT INTO post (id, author_id, title, body, published) SELECT id, author_id, title, body, published FROM _retort_old_post;

DROP TABLE _retort_old_post;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table comment (SQLite cannot ALTER this: table definition; drop foreign key "" (post_id); drop foreign key "" (parent_id); drop index "Ix_Comment_Parent"; drop column "parent_id"; add foreign key "" (post_id) → post(id)); its rows are copied
ALTER TABLE comment RENAME TO _retort_old_comment;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE "comment" (
    id INTEGER NOT NULL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES post (id),
    body TEXT NOT NULL
);

-- REVIEW: drops column comment.parent_id and its data
-- REVIEW: adds foreign key comment (post_id) -> post: fails if an existing row references no row of post (PRAGMA foreign_key_check)
INSERT INTO comment (id, post_id, body) SELECT id, post_id, body FROM _retort_old_comment;

DROP TABLE _retort_old_comment;

-- REVIEW: drops table post_tag and all its data
DROP TABLE post_tag;

-- REVIEW: drops table tag and all its data
DROP TABLE tag;
