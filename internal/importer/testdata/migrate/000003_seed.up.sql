-- no down file for this one
INSERT INTO users (id, email) VALUES (1, 'root@example.com');
