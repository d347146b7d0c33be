-- Create "users" table
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));
