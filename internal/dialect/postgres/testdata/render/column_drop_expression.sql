-- up
ALTER TABLE counters ALTER COLUMN doubled DROP EXPRESSION;
-- down
-- error: postgres: cannot change the generation of column counters.doubled in place
