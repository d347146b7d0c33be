-- migrate:up
INSERT INTO users (id, email) VALUES (1, 'root@example.com');
