-- upgrade
CREATE TYPE inv.unit AS ENUM ('pc', 'kg');

CREATE SEQUENCE inv.lot_seq INCREMENT BY 10 START WITH 1000;

CREATE TABLE old_log (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

-- REVIEW: fails if inv.item.qty holds NULLs
ALTER TABLE inv.item ALTER COLUMN qty SET NOT NULL;

ALTER TABLE inv.item ALTER COLUMN qty SET DEFAULT 0;

CREATE INDEX item_name ON inv.item (qty);

ALTER TABLE item ADD COLUMN unit inv.unit DEFAULT 'pc'::inv.unit NOT NULL;

ALTER TABLE item ADD COLUMN lot bigint DEFAULT nextval('inv.lot_seq'::regclass);

CREATE INDEX item_name ON item (name);

ALTER TABLE inv.item ADD CONSTRAINT item_id_fkey FOREIGN KEY (id) REFERENCES item (id) ON DELETE CASCADE;

-- REVIEW: drops table inv.old_log and all its data
DROP TABLE inv.old_log;

-- downgrade
CREATE TABLE inv.old_log (
    id integer NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE inv.item DROP CONSTRAINT item_id_fkey;

DROP INDEX item_name;

-- REVIEW: drops column item.lot and its data
ALTER TABLE item DROP COLUMN lot;

-- REVIEW: drops column item.unit and its data
ALTER TABLE item DROP COLUMN unit;

DROP INDEX inv.item_name;

ALTER TABLE inv.item ALTER COLUMN qty DROP DEFAULT;

ALTER TABLE inv.item ALTER COLUMN qty DROP NOT NULL;

-- REVIEW: drops table old_log and all its data
DROP TABLE old_log;

DROP SEQUENCE inv.lot_seq;

DROP TYPE inv.unit;
