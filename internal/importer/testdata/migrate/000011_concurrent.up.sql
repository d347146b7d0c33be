CREATE INDEX CONCURRENTLY later_id ON later (id);
