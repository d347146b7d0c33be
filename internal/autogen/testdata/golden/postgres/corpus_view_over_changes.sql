-- upgrade
DROP VIEW regions;

DROP VIEW big_sales_count;

DROP VIEW big_sales;

ALTER TABLE sales ADD COLUMN channel character varying(10);

ALTER TABLE sales ALTER COLUMN amount TYPE bigint;

ALTER TABLE sales ALTER COLUMN region TYPE character varying(20);

CREATE VIEW big_sales AS
SELECT sales.id,
    sales.amount
   FROM sales
  WHERE sales.amount > 100;

CREATE VIEW big_sales_count AS
SELECT count(*) AS n
   FROM big_sales;

CREATE VIEW regions AS
SELECT DISTINCT sales.region,
    sales.channel
   FROM sales;

-- downgrade
DROP VIEW regions;

DROP VIEW big_sales_count;

DROP VIEW big_sales;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM sales WHERE region IS NOT NULL AND CAST(CAST(region AS character varying(10)) AS character varying(20)) IS DISTINCT FROM region) THEN RAISE EXCEPTION 'retort: sales.region holds values that character varying(10) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of sales.region from character varying(20) to character varying(10): strings longer than 10 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE sales ALTER COLUMN region TYPE character varying(10);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM sales WHERE amount IS NOT NULL AND CAST(CAST(amount AS integer) AS bigint) IS DISTINCT FROM amount) THEN RAISE EXCEPTION 'retort: sales.amount holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of sales.amount from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE sales ALTER COLUMN amount TYPE integer;

-- REVIEW: drops column sales.channel and its data
ALTER TABLE sales DROP COLUMN channel;

CREATE VIEW big_sales AS
SELECT sales.id,
    sales.amount
   FROM sales
  WHERE sales.amount > 100;

CREATE VIEW big_sales_count AS
SELECT count(*) AS n
   FROM big_sales;

CREATE VIEW regions AS
SELECT DISTINCT sales.region
   FROM sales;
