-- migrate:up env:SCHEMA
CREATE TABLE t (id INTEGER);
-- migrate:down
DROP TABLE t;
