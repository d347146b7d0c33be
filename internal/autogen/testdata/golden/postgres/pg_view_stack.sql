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

-- REVIEW: changes the type of sale.region from character varying(30) to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE sale ALTER COLUMN region TYPE character varying(10);

-- REVIEW: changes the type of sale.amount from numeric(12,2) to numeric(8,2): fails or loses data if existing values do not fit
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
