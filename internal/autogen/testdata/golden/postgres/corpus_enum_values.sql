-- upgrade
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';

ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';

-- REVIEW: recreates enum type size to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE size RENAME TO size__retort_old;

CREATE TYPE size AS ENUM ('xl', 'l', 'm', 's');

ALTER TABLE people ALTER COLUMN size TYPE size USING size::text::size;

DROP TYPE size__retort_old;

-- downgrade
-- REVIEW: recreates enum type size to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE size RENAME TO size__retort_old;

CREATE TYPE size AS ENUM ('s', 'm', 'l', 'xl');

ALTER TABLE people ALTER COLUMN size TYPE size USING size::text::size;

DROP TYPE size__retort_old;

-- REVIEW: recreates enum type mood to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE mood RENAME TO mood__retort_old;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood;

DROP TYPE mood__retort_old;
