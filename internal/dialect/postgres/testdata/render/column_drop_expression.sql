-- up
ALTER TABLE counters ALTER COLUMN doubled DROP EXPRESSION;
-- down
-- review: recreates counters.doubled as a generated column: the values it holds are replaced by (n * 2)
ALTER TABLE counters DROP COLUMN doubled;
ALTER TABLE counters ADD COLUMN doubled bigint GENERATED ALWAYS AS ((n * 2)) STORED;
