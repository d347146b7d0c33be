-- up
ALTER TYPE mood ADD VALUE 'happy' BEFORE 'sad';
ALTER TYPE mood ADD VALUE 'great' AFTER 'ok';
-- down
-- review: recreates enum type mood to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE mood RENAME TO mood__retort_old;
CREATE TYPE mood AS ENUM ('sad', 'ok');
DROP TYPE mood__retort_old;
