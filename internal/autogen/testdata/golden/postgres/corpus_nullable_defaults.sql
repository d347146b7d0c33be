-- upgrade
-- REVIEW: fails if users.status holds NULLs
ALTER TABLE users ALTER COLUMN status SET NOT NULL;

ALTER TABLE users ALTER COLUMN status SET DEFAULT 'new'::character varying;

ALTER TABLE users ALTER COLUMN score DROP DEFAULT;

ALTER TABLE users ALTER COLUMN score DROP NOT NULL;

ALTER TABLE users ALTER COLUMN nick DROP NOT NULL;

ALTER TABLE users ALTER COLUMN nick SET DEFAULT 'anon'::character varying;

-- downgrade
ALTER TABLE users ALTER COLUMN nick DROP DEFAULT;

-- REVIEW: fails if users.nick holds NULLs
ALTER TABLE users ALTER COLUMN nick SET NOT NULL;

-- REVIEW: fails if users.score holds NULLs
ALTER TABLE users ALTER COLUMN score SET NOT NULL;

ALTER TABLE users ALTER COLUMN score SET DEFAULT 0;

ALTER TABLE users ALTER COLUMN status DROP DEFAULT;

ALTER TABLE users ALTER COLUMN status DROP NOT NULL;
