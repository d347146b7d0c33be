-- up
CREATE TABLE measure (
    id bigint NOT NULL,
    ts date NOT NULL,
    v integer,
    PRIMARY KEY (id, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE measure_2020 PARTITION OF measure FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measure_rest PARTITION OF measure (
    CONSTRAINT ck_rest CHECK (v < 10)
) DEFAULT PARTITION BY HASH (id);
COMMENT ON CONSTRAINT ck_rest ON measure_rest IS 'own check';
-- down
ALTER TABLE measure DETACH PARTITION measure_rest;
-- review: drops partitioned table measure_rest and all its data
DROP TABLE measure_rest;
ALTER TABLE measure DETACH PARTITION measure_2020;
-- review: drops partition measure_2020 (FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')) and all its data
DROP TABLE measure_2020;
-- review: drops partitioned table measure and all its data
DROP TABLE measure;
