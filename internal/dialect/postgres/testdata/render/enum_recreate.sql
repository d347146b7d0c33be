-- up
-- review: recreates enum type mood to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE mood RENAME TO mood__retort_old;
CREATE TYPE mood AS ENUM ('ok');
ALTER TABLE diary ALTER COLUMN feeling DROP DEFAULT;
ALTER TABLE diary ALTER COLUMN feeling TYPE mood USING feeling::text::mood;
ALTER TABLE diary ALTER COLUMN feeling SET DEFAULT 'ok'::mood;
ALTER TABLE diary ALTER COLUMN history TYPE mood[] USING history::text[]::mood[];
DROP TYPE mood__retort_old;
COMMENT ON TYPE mood IS NULL;
-- down
ALTER TYPE mood ADD VALUE 'sad' BEFORE 'ok';
COMMENT ON TYPE mood IS 'feelings';
