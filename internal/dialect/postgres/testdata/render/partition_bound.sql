-- up
ALTER TABLE measure DETACH PARTITION measure_2020;
-- review: attaches measure_2020 to measure FOR VALUES FROM ('2020-01-01') TO ('2022-01-01'): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE measure ATTACH PARTITION measure_2020 FOR VALUES FROM ('2020-01-01') TO ('2022-01-01');
-- down
ALTER TABLE measure DETACH PARTITION measure_2020;
-- review: attaches measure_2020 to measure FOR VALUES FROM ('2020-01-01') TO ('2021-01-01'): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE measure ATTACH PARTITION measure_2020 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
