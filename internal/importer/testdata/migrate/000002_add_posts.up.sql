BEGIN;
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER);
CREATE INDEX posts_user ON posts (user_id);
COMMIT;
