-- upgrade
ALTER TABLE users DETACH PARTITION users_1;

-- REVIEW: rebuilds table users_1: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users_1;

ALTER TABLE users DETACH PARTITION users_0;

-- REVIEW: rebuilds table users_0: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users_0;

-- REVIEW: rebuilds table users: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users;

-- REVIEW: rebuilds table logs: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE logs;

ALTER TABLE ev DETACH PARTITION ev_c;

-- REVIEW: rebuilds table ev_c: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev_c;

ALTER TABLE ev DETACH PARTITION ev_a;

-- REVIEW: rebuilds table ev_a: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev_a;

-- REVIEW: rebuilds table ev: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev;

CREATE TABLE ev (
    id integer NOT NULL,
    kind text NOT NULL,
    payload jsonb
) PARTITION BY LIST (lower(kind));

CREATE TABLE ev_a PARTITION OF ev FOR VALUES IN ('a', 'b');

CREATE TABLE ev_c PARTITION OF ev FOR VALUES IN ('c');

CREATE TABLE logs (
    id integer NOT NULL,
    at timestamp with time zone NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');

CREATE TABLE users (
    id integer NOT NULL,
    name text NOT NULL
) PARTITION BY HASH (id, lower(name));

CREATE TABLE users_0 PARTITION OF users FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE users_1 PARTITION OF users FOR VALUES WITH (modulus 2, remainder 1);

ALTER TABLE gone DETACH PARTITION gone_1;

-- REVIEW: drops partition gone_1 (FOR VALUES FROM (0) TO (10)) and all its data
DROP TABLE gone_1;

-- REVIEW: drops partitioned table gone and all its data
DROP TABLE gone;

-- downgrade
CREATE TABLE gone (
    id integer NOT NULL
) PARTITION BY RANGE (id);

CREATE TABLE gone_1 PARTITION OF gone FOR VALUES FROM (0) TO (10);

ALTER TABLE users DETACH PARTITION users_1;

-- REVIEW: rebuilds table users_1: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users_1;

ALTER TABLE users DETACH PARTITION users_0;

-- REVIEW: rebuilds table users_0: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users_0;

-- REVIEW: rebuilds table users: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE users;

ALTER TABLE logs DETACH PARTITION logs_2024;

-- REVIEW: drops partition logs_2024 (FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')) and all its data
DROP TABLE logs_2024;

-- REVIEW: rebuilds table logs: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE logs;

ALTER TABLE ev DETACH PARTITION ev_c;

-- REVIEW: rebuilds table ev_c: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev_c;

ALTER TABLE ev DETACH PARTITION ev_a;

-- REVIEW: rebuilds table ev_a: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev_a;

-- REVIEW: rebuilds table ev: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE ev;

CREATE TABLE ev (
    id integer NOT NULL,
    kind text NOT NULL,
    payload jsonb
) PARTITION BY LIST (kind);

CREATE TABLE ev_a PARTITION OF ev FOR VALUES IN ('a', 'b');

CREATE TABLE ev_c PARTITION OF ev FOR VALUES IN ('c');

CREATE TABLE logs (
    at timestamp with time zone NOT NULL,
    id integer NOT NULL
);

CREATE TABLE users (
    id integer NOT NULL,
    name text NOT NULL
) PARTITION BY HASH (id);

CREATE TABLE users_0 PARTITION OF users FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE users_1 PARTITION OF users FOR VALUES WITH (modulus 2, remainder 1);
