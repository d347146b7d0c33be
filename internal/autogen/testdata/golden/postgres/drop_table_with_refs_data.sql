-- upgrade
ALTER TABLE product DROP CONSTRAINT product_category_id_fkey;

DROP INDEX ix_product_category;

ALTER TABLE product ADD COLUMN tags character varying(100);

-- REVIEW: drops column product.category_id and its data
ALTER TABLE product DROP COLUMN category_id;

-- REVIEW: drops table category and all its data
DROP TABLE category;

-- downgrade
CREATE TABLE category (
    id integer NOT NULL,
    name character varying(20),
    PRIMARY KEY (id)
);

ALTER TABLE product ADD COLUMN category_id integer;

-- REVIEW: drops column product.tags and its data
ALTER TABLE product DROP COLUMN tags;

CREATE INDEX ix_product_category ON product (category_id);

ALTER TABLE product ADD CONSTRAINT product_category_id_fkey FOREIGN KEY (category_id) REFERENCES category (id);
