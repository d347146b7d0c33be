-- upgrade
ALTER TABLE measure DETACH PARTITION measure_old;

-- REVIEW: drops partition measure_old (FOR VALUES FROM ('2000-01-01') TO ('2010-01-01')) and all its data
DROP TABLE measure_old;

ALTER TABLE measure DETACH PARTITION measure_2021;

-- REVIEW: attaches measure_2021 to measure FOR VALUES FROM ('2021-01-01') TO ('2023-01-01'): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE measure ATTACH PARTITION measure_2021 FOR VALUES FROM ('2021-01-01') TO ('2023-01-01');

ALTER TABLE measure ADD COLUMN note text;

COMMENT ON TABLE measure_2020 IS 'first year';

CREATE TABLE measure_2023 PARTITION OF measure (
    CONSTRAINT small CHECK (v < 1000::numeric)
) FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

CREATE INDEX measure_2023_region ON measure_2023 (region_id);

CREATE TABLE measure_rest PARTITION OF measure DEFAULT PARTITION BY HASH (id);

CREATE TABLE measure_rest_0 PARTITION OF measure_rest FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE measure_rest_1 PARTITION OF measure_rest FOR VALUES WITH (modulus 2, remainder 1);

-- downgrade
ALTER TABLE measure_rest DETACH PARTITION measure_rest_1;

-- REVIEW: drops partition measure_rest_1 (FOR VALUES WITH (modulus 2, remainder 1)) and all its data
DROP TABLE measure_rest_1;

ALTER TABLE measure_rest DETACH PARTITION measure_rest_0;

-- REVIEW: drops partition measure_rest_0 (FOR VALUES WITH (modulus 2, remainder 0)) and all its data
DROP TABLE measure_rest_0;

ALTER TABLE measure DETACH PARTITION measure_rest;

-- REVIEW: drops partitioned table measure_rest and all its data
DROP TABLE measure_rest;

ALTER TABLE measure DETACH PARTITION measure_2023;

-- REVIEW: drops partition measure_2023 (FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')) and all its data
DROP TABLE measure_2023;

COMMENT ON TABLE measure_2020 IS NULL;

-- REVIEW: drops column measure.note and its data
ALTER TABLE measure DROP COLUMN note;

ALTER TABLE measure DETACH PARTITION measure_2021;

-- REVIEW: attaches measure_2021 to measure FOR VALUES FROM ('2021-01-01') TO ('2022-01-01'): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE measure ATTACH PARTITION measure_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');

CREATE TABLE measure_old PARTITION OF measure FOR VALUES FROM ('2000-01-01') TO ('2010-01-01');
