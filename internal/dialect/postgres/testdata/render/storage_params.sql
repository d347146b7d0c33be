-- up
ALTER TABLE users RESET (autovacuum_enabled);
ALTER TABLE users SET (fillfactor=70, toast_tuple_target=256);
CREATE INDEX ix_ff ON users (name varchar_pattern_ops) WITH (deduplicate_items=off, fillfactor=70);
-- down
DROP INDEX ix_ff;
ALTER TABLE users RESET (toast_tuple_target);
ALTER TABLE users SET (autovacuum_enabled=false, fillfactor=80);
