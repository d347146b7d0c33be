-- upgrade
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title VARCHAR(200) NOT NULL DEFAULT 'untitled',
    body TEXT,
    CONSTRAINT posts_title_uq UNIQUE (title)
);

CREATE INDEX ix_posts_user ON posts (user_id);

-- downgrade
-- REVIEW: drops table posts and all its data
DROP TABLE posts;
