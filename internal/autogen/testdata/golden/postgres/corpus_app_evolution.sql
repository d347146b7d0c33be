-- upgrade
ALTER TABLE posts DROP CONSTRAINT posts_user;

CREATE TABLE comments (
    id integer NOT NULL,
    post_id integer NOT NULL,
    body text,
    PRIMARY KEY (id),
    CONSTRAINT comments_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);

ALTER TABLE posts ADD COLUMN published integer DEFAULT 0;

ALTER TABLE posts ALTER COLUMN title TYPE character varying(200);

CREATE INDEX posts_user_published ON posts (user_id, published);

ALTER TABLE users ADD COLUMN first_name character varying(50);

ALTER TABLE users ADD COLUMN last_name character varying(50);

ALTER TABLE users ADD COLUMN status character varying(10) DEFAULT 'active'::character varying NOT NULL;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX users_email ON users (email);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE users ADD CONSTRAINT users_status CHECK (status::text = ANY (ARRAY['active'::character varying, 'banned'::character varying]::character varying[]::text[]));

ALTER TABLE posts ADD CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

-- REVIEW: drops table sessions_old and all its data
DROP TABLE sessions_old;

-- downgrade
CREATE TABLE sessions_old (
    id integer NOT NULL,
    token character varying(40),
    PRIMARY KEY (id)
);

ALTER TABLE posts DROP CONSTRAINT posts_user;

ALTER TABLE users DROP CONSTRAINT users_status;

DROP INDEX users_email;

-- REVIEW: drops column users.status and its data
ALTER TABLE users DROP COLUMN status;

-- REVIEW: drops column users.last_name and its data
ALTER TABLE users DROP COLUMN last_name;

-- REVIEW: drops column users.first_name and its data
ALTER TABLE users DROP COLUMN first_name;

DROP INDEX posts_user_published;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM posts WHERE title IS NOT NULL AND CAST(CAST(title AS character varying(100)) AS character varying(200)) IS DISTINCT FROM title) THEN RAISE EXCEPTION 'retort: posts.title holds values that character varying(100) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of posts.title from character varying(200) to character varying(100): strings longer than 100 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE posts ALTER COLUMN title TYPE character varying(100);

-- REVIEW: drops column posts.published and its data
ALTER TABLE posts DROP COLUMN published;

-- REVIEW: drops table comments and all its data
DROP TABLE comments;

ALTER TABLE posts ADD CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id);
