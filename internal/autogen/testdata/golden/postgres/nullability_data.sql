-- upgrade
-- REVIEW: fails if profile.nick holds NULLs
ALTER TABLE profile ALTER COLUMN nick SET NOT NULL;

ALTER TABLE profile ALTER COLUMN nick SET DEFAULT 'anon'::character varying;

ALTER TABLE profile ALTER COLUMN age DROP DEFAULT;

ALTER TABLE profile ALTER COLUMN age DROP NOT NULL;

ALTER TABLE profile ALTER COLUMN city DROP NOT NULL;

ALTER TABLE profile ALTER COLUMN city SET DEFAULT 'Paris'::character varying;

ALTER TABLE profile ALTER COLUMN score DROP DEFAULT;

-- REVIEW: fails if profile.score holds NULLs
ALTER TABLE profile ALTER COLUMN score SET NOT NULL;

-- downgrade
ALTER TABLE profile ALTER COLUMN score DROP NOT NULL;

ALTER TABLE profile ALTER COLUMN score SET DEFAULT 5;

ALTER TABLE profile ALTER COLUMN city DROP DEFAULT;

-- REVIEW: fails if profile.city holds NULLs
ALTER TABLE profile ALTER COLUMN city SET NOT NULL;

-- REVIEW: fails if profile.age holds NULLs
ALTER TABLE profile ALTER COLUMN age SET NOT NULL;

ALTER TABLE profile ALTER COLUMN age SET DEFAULT 18;

ALTER TABLE profile ALTER COLUMN nick DROP DEFAULT;

ALTER TABLE profile ALTER COLUMN nick DROP NOT NULL;
