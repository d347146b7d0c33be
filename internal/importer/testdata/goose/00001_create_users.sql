-- Users and their emails.
-- +goose Up
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(200) NOT NULL
);
INSERT INTO users (id, email) VALUES (1, 'a;b@example.com');

-- +goose Down
DROP TABLE users;
