-- up
-- error: postgres: cannot change the generation of column counters.doubled in place
-- down
ALTER TABLE counters ALTER COLUMN doubled DROP EXPRESSION;
