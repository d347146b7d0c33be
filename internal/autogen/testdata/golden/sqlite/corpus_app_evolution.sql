-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE comments (id INTEGER NOT NULL PRIMARY KEY, post_id INTEGER NOT NULL, body TEXT, CONSTRAINT comments_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: drop foreign key "posts_user" (user_id); add column "published"; modify column "title": type VARCHAR(100) → VARCHAR(200); add index "posts_user_published"; add foreign key "posts_user" (user_id) → users(id); table definition); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER NOT NULL, title VARCHAR(200), published INTEGER DEFAULT 0, CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);

-- REVIEW: adds foreign key posts (user_id) -> users: fails if an existing row references no row of users (PRAGMA foreign_key_check)
INSERT INTO posts (id, user_id, title) SELECT id, user_id, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

CREATE INDEX posts_user_published ON posts (user_id, published);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: add column "first_name"; add column "last_name"; add column "status"; add index "users_email"; add check constraint "users_status"; table definition); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, first_name VARCHAR(50), last_name VARCHAR(50), email VARCHAR(100) NOT NULL, status VARCHAR(10) NOT NULL DEFAULT 'active',
  CONSTRAINT users_status CHECK (status IN ('active', 'banned')));

-- REVIEW: adds check (status IN ('active', 'banned')) on users: fails if existing rows violate the check
INSERT INTO users (id, name, email) SELECT id, name, email FROM _retort_old_users;

DROP TABLE _retort_old_users;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX users_email ON users (email);

-- REVIEW: drops table sessions_old and all its data
DROP TABLE sessions_old;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE sessions_old (id INTEGER NOT NULL PRIMARY KEY, token VARCHAR(40));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table users (SQLite cannot ALTER this: table definition; drop check constraint "users_status"; drop index "users_email"; drop column "status"; drop column "last_name"; drop column "first_name"); its rows are copied
ALTER TABLE users RENAME TO _retort_old_users;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(100) NOT NULL);

-- REVIEW: drops column users.status and its data
-- REVIEW: drops column users.last_name and its data
-- REVIEW: drops column users.first_name and its data
INSERT INTO users (id, name, email) SELECT id, name, email FROM _retort_old_users;

DROP TABLE _retort_old_users;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table posts (SQLite cannot ALTER this: table definition; drop foreign key "posts_user" (user_id); drop index "posts_user_published"; modify column "title": type VARCHAR(200) → VARCHAR(100); drop column "published"; add foreign key "posts_user" (user_id) → users(id)); its rows are copied
ALTER TABLE posts RENAME TO _retort_old_posts;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER NOT NULL, title VARCHAR(100), CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id));

-- REVIEW: drops column posts.published and its data
-- REVIEW: adds foreign key posts (user_id) -> users: fails if an existing row references no row of users (PRAGMA foreign_key_check)
INSERT INTO posts (id, user_id, title) SELECT id, user_id, title FROM _retort_old_posts;

DROP TABLE _retort_old_posts;

-- REVIEW: drops table comments and all its data
DROP TABLE comments;
