-- upgrade
DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

ALTER TABLE item ALTER COLUMN name TYPE character varying(80);

ALTER TABLE item ALTER COLUMN price TYPE numeric(10,3);

-- REVIEW: drops column item.legacy and its data
ALTER TABLE item DROP COLUMN legacy;

CREATE VIEW cheap AS
SELECT item.id,
    item.price
   FROM item
  WHERE item.price < 10::numeric;

CREATE VIEW item_names AS
SELECT item.id,
    item.name
   FROM item;

CREATE VIEW item_names_upper AS
SELECT item_names.id,
    upper(item_names.name::text) AS uname
   FROM item_names;

-- downgrade
DROP VIEW item_names_upper;

DROP VIEW item_names;

DROP VIEW cheap;

ALTER TABLE item ADD COLUMN legacy integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM item WHERE price IS NOT NULL AND CAST(CAST(price AS numeric(8,2)) AS numeric(10,3)) IS DISTINCT FROM price) THEN RAISE EXCEPTION 'retort: item.price holds values that numeric(8,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of item.price from numeric(10,3) to numeric(8,2): values of 7 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE item ALTER COLUMN price TYPE numeric(8,2);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM item WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(20)) AS character varying(80)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: item.name holds values that character varying(20) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of item.name from character varying(80) to character varying(20): strings longer than 20 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE item ALTER COLUMN name TYPE character varying(20);

CREATE VIEW cheap AS
SELECT item.id,
    item.price
   FROM item
  WHERE item.price < 10::numeric;

CREATE VIEW item_names AS
SELECT item.id,
    item.name
   FROM item;

CREATE VIEW item_names_upper AS
SELECT item_names.id,
    upper(item_names.name::text) AS uname
   FROM item_names;
