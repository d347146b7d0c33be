-- upgrade
ALTER TABLE products ALTER COLUMN name TYPE character varying(200);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE code IS NOT NULL AND CAST(CAST(code AS character varying(20)) AS character varying(100)) IS DISTINCT FROM code) THEN RAISE EXCEPTION 'retort: products.code holds values that character varying(20) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.code from character varying(100) to character varying(20): strings longer than 20 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN code TYPE character varying(20);

ALTER TABLE products ALTER COLUMN qty TYPE integer;

ALTER TABLE products ALTER COLUMN views TYPE bigint;

ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2);

ALTER TABLE products ALTER COLUMN weight TYPE numeric(10,4);

-- downgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE weight IS NOT NULL AND CAST(CAST(weight AS numeric(8,3)) AS numeric(10,4)) IS DISTINCT FROM weight) THEN RAISE EXCEPTION 'retort: products.weight holds values that numeric(8,3) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.weight from numeric(10,4) to numeric(8,3): values of 6 or more digits before the point, or with more than 3 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN weight TYPE numeric(8,3);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE price IS NOT NULL AND CAST(CAST(price AS numeric(10,2)) AS numeric(12,2)) IS DISTINCT FROM price) THEN RAISE EXCEPTION 'retort: products.price holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.price from numeric(12,2) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN price TYPE numeric(10,2);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE views IS NOT NULL AND CAST(CAST(views AS integer) AS bigint) IS DISTINCT FROM views) THEN RAISE EXCEPTION 'retort: products.views holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.views from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN views TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE qty IS NOT NULL AND CAST(CAST(qty AS smallint) AS integer) IS DISTINCT FROM qty) THEN RAISE EXCEPTION 'retort: products.qty holds values that smallint cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.qty from integer to smallint: values outside smallint's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN qty TYPE smallint;

ALTER TABLE products ALTER COLUMN code TYPE character varying(100);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM products WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(50)) AS character varying(200)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: products.name holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of products.name from character varying(200) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE products ALTER COLUMN name TYPE character varying(50);
