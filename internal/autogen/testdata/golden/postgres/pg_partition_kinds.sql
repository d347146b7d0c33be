-- upgrade
ALTER TABLE users DETACH PARTITION users_1;

-- REVIEW: drops partition users_1 (FOR VALUES WITH (modulus 2, remainder 1)) and all its data
DROP TABLE users_1;

ALTER TABLE users DETACH PARTITION users_0;

-- REVIEW: drops partition users_0 (FOR VALUES WITH (modulus 2, remainder 0)) and all its data
DROP TABLE users_0;

-- REVIEW: drops partitioned table users and all its data
DROP TABLE users;

-- REVIEW: drops table logs and all its data
DROP TABLE logs;

ALTER TABLE ev DETACH PARTITION ev_c;

-- REVIEW: drops partition ev_c (FOR VALUES IN ('c')) and all its data
DROP TABLE ev_c;

ALTER TABLE ev DETACH PARTITION ev_a;

-- REVIEW: drops partition ev_a (FOR VALUES IN ('a', 'b')) and all its data
DROP TABLE ev_a;

-- REVIEW: drops partitioned table ev and all its data
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

-- REVIEW: drops partition users_1 (FOR VALUES WITH (modulus 2, remainder 1)) and all its data
DROP TABLE users_1;

ALTER TABLE users DETACH PARTITION users_0;

-- REVIEW: drops partition users_0 (FOR VALUES WITH (modulus 2, remainder 0)) and all its data
DROP TABLE users_0;

-- REVIEW: drops partitioned table users and all its data
DROP TABLE users;

ALTER TABLE logs DETACH PARTITION logs_2024;

-- REVIEW: drops partition logs_2024 (FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')) and all its data
DROP TABLE logs_2024;

-- REVIEW: drops partitioned table logs and all its data
DROP TABLE logs;

ALTER TABLE ev DETACH PARTITION ev_c;

-- REVIEW: drops partition ev_c (FOR VALUES IN ('c')) and all its data
DROP TABLE ev_c;

ALTER TABLE ev DETACH PARTITION ev_a;

-- REVIEW: drops partition ev_a (FOR VALUES IN ('a', 'b')) and all its data
DROP TABLE ev_a;

-- REVIEW: drops partitioned table ev and all its data
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
