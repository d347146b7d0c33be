-- upgrade
CREATE TABLE posts (
    id integer NOT NULL,
    user_id integer NOT NULL,
    title character varying(200) DEFAULT 'untitled'::character varying NOT NULL,
    body text,
    PRIMARY KEY (id),
    CONSTRAINT posts_title_uq UNIQUE (title),
    CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_posts_user ON posts (user_id);

-- downgrade
-- REVIEW: drops table posts and all its data
DROP TABLE posts;
