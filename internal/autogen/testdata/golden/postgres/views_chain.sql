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

-- REVIEW: changes the type of item.price from numeric(10,3) to numeric(8,2): fails or loses data if existing values do not fit
ALTER TABLE item ALTER COLUMN price TYPE numeric(8,2);

-- REVIEW: changes the type of item.name from character varying(80) to character varying(20): fails or loses data if existing values do not fit
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
