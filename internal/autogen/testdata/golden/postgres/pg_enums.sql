-- upgrade
CREATE TYPE "Kind" AS ENUM ('a', 'b c');

-- REVIEW: recreates enum type prio to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE prio RENAME TO prio__retort_old;

CREATE TYPE prio AS ENUM ('low', 'high');

ALTER TABLE task ALTER COLUMN p TYPE prio USING p::text::prio;

ALTER TABLE task ALTER COLUMN tags TYPE prio[] USING tags::text[]::prio[];

DROP TYPE prio__retort_old;

ALTER TYPE status ADD VALUE 'started' BEFORE 'done';

ALTER TYPE status ADD VALUE 'archived' AFTER 'done';

COMMENT ON TYPE status IS 'task status';

ALTER TABLE task ADD COLUMN k "Kind";

-- REVIEW: drops column task.g and its data
ALTER TABLE task DROP COLUMN g;

DROP TYPE gone;

-- downgrade
CREATE TYPE gone AS ENUM ('x');

ALTER TABLE task ADD COLUMN g gone;

-- REVIEW: drops column task.k and its data
ALTER TABLE task DROP COLUMN k;

-- REVIEW: recreates enum type status to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE status RENAME TO status__retort_old;

CREATE TYPE status AS ENUM ('new', 'done');

ALTER TABLE task ALTER COLUMN s DROP DEFAULT;

ALTER TABLE task ALTER COLUMN s TYPE status USING s::text::status;

ALTER TABLE task ALTER COLUMN s SET DEFAULT 'new'::status;

DROP TYPE status__retort_old;

COMMENT ON TYPE status IS NULL;

ALTER TYPE prio ADD VALUE 'mid' BEFORE 'high';

DROP TYPE "Kind";
