-- upgrade
ALTER TABLE g DROP COLUMN total;

ALTER TABLE g DROP COLUMN label;

ALTER TABLE g ADD COLUMN total integer GENERATED ALWAYS AS (((price * qty) + 1)) STORED;

ALTER TABLE g ADD COLUMN label bigint GENERATED ALWAYS AS ((price + 2)) STORED;

-- downgrade
ALTER TABLE g DROP COLUMN label;

ALTER TABLE g DROP COLUMN total;

ALTER TABLE g ADD COLUMN label character varying(20) GENERATED ALWAYS AS ((price + 1)) STORED;

ALTER TABLE g ADD COLUMN total integer GENERATED ALWAYS AS ((price * qty)) STORED;
