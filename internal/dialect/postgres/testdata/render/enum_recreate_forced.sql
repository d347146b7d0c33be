-- up
-- review: recreates enum type mood, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)
ALTER TYPE mood RENAME TO mood__retort_old;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'great');
ALTER TABLE diary ALTER COLUMN feeling DROP DEFAULT;
ALTER TABLE diary ALTER COLUMN feeling TYPE mood USING feeling::text::mood;
ALTER TABLE diary ALTER COLUMN feeling SET DEFAULT 'ok'::mood;
ALTER TABLE diary ALTER COLUMN history TYPE mood[] USING history::text[]::mood[];
DROP TYPE mood__retort_old;
-- down
-- review: recreates enum type mood to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE mood RENAME TO mood__retort_old;
CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TABLE diary ALTER COLUMN feeling DROP DEFAULT;
ALTER TABLE diary ALTER COLUMN feeling TYPE mood USING feeling::text::mood;
ALTER TABLE diary ALTER COLUMN feeling SET DEFAULT 'ok'::mood;
ALTER TABLE diary ALTER COLUMN history TYPE mood[] USING history::text[]::mood[];
DROP TYPE mood__retort_old;
