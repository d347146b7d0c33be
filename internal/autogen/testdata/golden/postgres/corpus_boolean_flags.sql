-- upgrade
-- REVIEW: likely rename: column features.legacy is dropped (with its data) and features.beta added with the same type. If it is a rename, generate again with --rename features.legacy=beta

ALTER TABLE features ADD COLUMN beta boolean DEFAULT false NOT NULL;

-- REVIEW: fails if features.enabled holds NULLs
ALTER TABLE features ALTER COLUMN enabled SET NOT NULL;

ALTER TABLE features ALTER COLUMN enabled SET DEFAULT true;

-- REVIEW: drops column features.legacy and its data
ALTER TABLE features DROP COLUMN legacy;

-- downgrade
ALTER TABLE features ADD COLUMN legacy boolean DEFAULT false;

ALTER TABLE features ALTER COLUMN enabled DROP DEFAULT;

ALTER TABLE features ALTER COLUMN enabled DROP NOT NULL;

-- REVIEW: drops column features.beta and its data
ALTER TABLE features DROP COLUMN beta;
