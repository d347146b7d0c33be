-- migrate:up
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));

-- migrate:down
DROP TABLE users;
