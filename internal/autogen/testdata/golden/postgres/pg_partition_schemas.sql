-- upgrade
-- REVIEW: drops policy parts.own on parts.sale_2024: the rows it lets through or keeps out change
DROP POLICY own ON parts.sale_2024;

ALTER TABLE app.refund DROP CONSTRAINT refund_sale_id_sale_at_fkey;

ALTER TABLE app.sale DETACH PARTITION parts.sale_2024;

-- REVIEW: drops partition parts.sale_2024 (FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')) and all its data
DROP TABLE parts.sale_2024;

-- REVIEW: rebuilds table app.sale: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE app.sale;

-- REVIEW: fails if a value in a column of domain app.cents violates the check
ALTER DOMAIN app.cents ADD CONSTRAINT cents_check1 CHECK (VALUE < 100000000);

CREATE TABLE app.sale (
    id integer NOT NULL,
    at date NOT NULL,
    amount app.cents,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (id, at);

CREATE TABLE parts.ev_2 PARTITION OF app.ev FOR VALUES IN (2);

CREATE TABLE parts.sale_low PARTITION OF app.sale FOR VALUES FROM (0, '2024-01-01') TO (1000, '2025-01-01') WITH (fillfactor=80);

ALTER TABLE parts.sale_low ENABLE ROW LEVEL SECURITY;

COMMENT ON TABLE parts.sale_low IS 'low ids';

ALTER TABLE parts.ev_1 DROP CONSTRAINT ev_1_no_overlap;

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE parts.ev_1 ADD CONSTRAINT ev_1_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (id > 0);

ALTER TABLE app.refund ADD CONSTRAINT refund_sale_id_sale_at_fkey FOREIGN KEY (sale_id, sale_at) REFERENCES app.sale (id, at);

CREATE POLICY own ON parts.sale_low AS PERMISSIVE FOR ALL TO PUBLIC USING (amount::bigint > 0);

-- downgrade
-- REVIEW: drops policy parts.own on parts.sale_low: the rows it lets through or keeps out change
DROP POLICY own ON parts.sale_low;

ALTER TABLE app.refund DROP CONSTRAINT refund_sale_id_sale_at_fkey;

ALTER TABLE parts.ev_1 DROP CONSTRAINT ev_1_no_overlap;

-- REVIEW: fails if existing rows conflict under the exclusion constraint
ALTER TABLE parts.ev_1 ADD CONSTRAINT ev_1_no_overlap EXCLUDE USING gist (during WITH &&);

ALTER TABLE app.sale DETACH PARTITION parts.sale_low;

-- REVIEW: drops partition parts.sale_low (FOR VALUES FROM (0, '2024-01-01') TO (1000, '2025-01-01')) and all its data
DROP TABLE parts.sale_low;

ALTER TABLE app.ev DETACH PARTITION parts.ev_2;

-- REVIEW: drops partition parts.ev_2 (FOR VALUES IN (2)) and all its data
DROP TABLE parts.ev_2;

-- REVIEW: rebuilds table app.sale: PostgreSQL cannot change a partition key, or make a table a partition or a plain table, in place; it is dropped (with its partitions) and created again EMPTY: copy its rows aside first and back afterwards if you need them
DROP TABLE app.sale;

ALTER DOMAIN app.cents DROP CONSTRAINT cents_check1;

CREATE TABLE app.sale (
    amount app.cents,
    at date NOT NULL,
    id integer NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

CREATE TABLE parts.sale_2024 PARTITION OF app.sale FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') WITH (fillfactor=90);

ALTER TABLE app.refund ADD CONSTRAINT refund_sale_id_sale_at_fkey FOREIGN KEY (sale_id, sale_at) REFERENCES app.sale (id, at);

CREATE POLICY own ON parts.sale_2024 AS PERMISSIVE FOR ALL TO PUBLIC USING (amount::bigint > 0);
