-- upgrade
DROP MATERIALIZED VIEW big_count;

DROP VIEW top_region;

DROP MATERIALIZED VIEW region_total;

DROP VIEW big_sale;

ALTER TABLE sale ALTER COLUMN amount TYPE numeric(12,2);

-- REVIEW: drops materialized view gone and the rows it holds (created again, it is filled from its query)
DROP MATERIALIZED VIEW gone;

CREATE VIEW big_sale AS
SELECT sale.id,
    sale.region,
    sale.amount
   FROM sale
  WHERE sale.amount > 1000::numeric;

CREATE MATERIALIZED VIEW region_total AS
SELECT sale.region,
    sum(sale.amount) AS total,
    count(*) AS n
   FROM sale
  GROUP BY sale.region;

CREATE INDEX region_total_total ON region_total USING btree (total DESC);

CREATE UNIQUE INDEX region_total_region ON region_total USING btree (region);

COMMENT ON MATERIALIZED VIEW region_total IS 'per region, with counts';

CREATE VIEW top_region AS
SELECT region_total.region
   FROM region_total
  ORDER BY region_total.total DESC
 LIMIT 1;

CREATE MATERIALIZED VIEW big_count AS
SELECT count(*) AS n
   FROM big_sale;

CREATE MATERIALIZED VIEW lazy AS
SELECT sale.region
   FROM sale
WITH NO DATA;

-- downgrade
-- REVIEW: drops materialized view lazy and the rows it holds (created again, it is filled from its query)
DROP MATERIALIZED VIEW lazy;

DROP MATERIALIZED VIEW big_count;

DROP VIEW top_region;

DROP MATERIALIZED VIEW region_total;

DROP VIEW big_sale;

CREATE MATERIALIZED VIEW gone AS
SELECT 1 AS one;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM sale WHERE amount IS NOT NULL AND CAST(CAST(amount AS numeric(8,2)) AS numeric(12,2)) IS DISTINCT FROM amount) THEN RAISE EXCEPTION 'retort: sale.amount holds values that numeric(8,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of sale.amount from numeric(12,2) to numeric(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE sale ALTER COLUMN amount TYPE numeric(8,2);

CREATE VIEW big_sale AS
SELECT sale.id,
    sale.region,
    sale.amount
   FROM sale
  WHERE sale.amount > 100::numeric;

CREATE MATERIALIZED VIEW region_total AS
SELECT sale.region,
    sum(sale.amount) AS total
   FROM sale
  GROUP BY sale.region;

CREATE UNIQUE INDEX region_total_region ON region_total USING btree (region);

COMMENT ON MATERIALIZED VIEW region_total IS 'per region';

CREATE VIEW top_region AS
SELECT region_total.region
   FROM region_total
  ORDER BY region_total.total DESC
 LIMIT 1;

CREATE MATERIALIZED VIEW big_count AS
SELECT count(*) AS n
   FROM big_sale;
