-- upgrade
ALTER TABLE shops DROP CONSTRAINT shops_region;

DROP INDEX shops_region_name;

-- REVIEW: drops column shops.region_id and its data
ALTER TABLE shops DROP COLUMN region_id;

CREATE INDEX shops_name ON shops (name);

-- REVIEW: drops table regions and all its data
DROP TABLE regions;

-- downgrade
CREATE TABLE regions (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

DROP INDEX shops_name;

ALTER TABLE shops ADD COLUMN region_id integer;

CREATE INDEX shops_region_name ON shops (region_id, name);

ALTER TABLE shops ADD CONSTRAINT shops_region FOREIGN KEY (region_id) REFERENCES regions (id);
