-- up
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA shop;
-- down
-- review: drops extension pg_trgm and fails if something still uses it
DROP EXTENSION pg_trgm;
