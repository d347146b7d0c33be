-- up
ALTER TABLE counters DROP COLUMN doubled;
-- down
ALTER TABLE counters ADD COLUMN doubled bigint GENERATED ALWAYS AS ((n * 2)) STORED;
