-- atlas:sum ignore

INSERT INTO users (id, email) VALUES (1, 'x');
