-- upgrade
DROP VIEW live_pages;

ALTER TABLE page DROP CONSTRAINT page_st_check;

DROP INDEX page_live;

-- REVIEW: recreates enum type state to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE state RENAME TO state__retort_old;

CREATE TYPE state AS ENUM ('draft', 'live');

ALTER TABLE page ALTER COLUMN st DROP DEFAULT;

ALTER TABLE page ALTER COLUMN st TYPE state USING st::text::state;

ALTER TABLE page ALTER COLUMN st SET DEFAULT 'draft'::state;

DROP TYPE state__retort_old;

CREATE INDEX page_live ON page (id) WHERE st = 'live'::state;

CREATE VIEW live_pages AS
SELECT page.id,
    page.st
   FROM page
  WHERE page.st = 'live'::state;

-- downgrade
DROP VIEW live_pages;

DROP INDEX page_live;

-- REVIEW: recreates enum type state, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)
ALTER TYPE state RENAME TO state__retort_old;

CREATE TYPE state AS ENUM ('draft', 'live', 'dead');

ALTER TABLE page ALTER COLUMN st DROP DEFAULT;

ALTER TABLE page ALTER COLUMN st TYPE state USING st::text::state;

ALTER TABLE page ALTER COLUMN st SET DEFAULT 'draft'::state;

DROP TYPE state__retort_old;

CREATE INDEX page_live ON page (id) WHERE st = 'live'::state;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE page ADD CONSTRAINT page_st_check CHECK (st <> 'dead'::state);

CREATE VIEW live_pages AS
SELECT page.id,
    page.st
   FROM page
  WHERE page.st = 'live'::state;
