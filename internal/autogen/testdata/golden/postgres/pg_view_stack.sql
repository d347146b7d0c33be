-- upgrade
DROP VIEW rpt.top_region;

DROP VIEW rpt.by_region;

DROP VIEW recent;

ALTER TABLE sale ALTER COLUMN amount TYPE numeric(12,2);

ALTER TABLE sale ALTER COLUMN region TYPE character varying(30);

CREATE VIEW rpt.by_region AS
SELECT sale.region,
    sum(sale.amount) AS total,
    count(*) AS n
   FROM sale
  GROUP BY sale.region;

CREATE VIEW rpt.top_region AS
SELECT by_region.region
   FROM rpt.by_region
  ORDER BY by_region.total DESC
 LIMIT 1;

COMMENT ON VIEW rpt.top_region IS 'best region';

-- downgrade
DROP VIEW rpt.top_region;

DROP VIEW rpt.by_region;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM sale WHERE region IS NOT NULL AND CAST(CAST(region AS character varying(10)) AS character varying(30)) IS DISTINCT FROM region) THEN RAISE EXCEPTION 'retort: sale.region holds values that character varying(10) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of sale.region from character varying(30) to character varying(10): strings longer than 10 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE sale ALTER COLUMN region TYPE character varying(10);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM sale WHERE amount IS NOT NULL AND CAST(CAST(amount AS numeric(8,2)) AS numeric(12,2)) IS DISTINCT FROM amount) THEN RAISE EXCEPTION 'retort: sale.amount holds values that numeric(8,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of sale.amount from numeric(12,2) to numeric(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE sale ALTER COLUMN amount TYPE numeric(8,2);

CREATE VIEW recent AS
SELECT sale.id,
    sale.amount,
    sale.region,
    sale.sold
   FROM sale
  WHERE sale.sold > '2020-01-01'::date;

CREATE VIEW rpt.by_region AS
SELECT sale.region,
    sum(sale.amount) AS total
   FROM sale
  GROUP BY sale.region;

CREATE VIEW rpt.top_region AS
SELECT by_region.region
   FROM rpt.by_region
  ORDER BY by_region.total DESC
 LIMIT 1;
