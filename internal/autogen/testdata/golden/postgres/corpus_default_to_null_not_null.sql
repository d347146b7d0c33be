-- upgrade
ALTER TABLE prefs ALTER COLUMN theme DROP DEFAULT;

-- REVIEW: fails if prefs.theme holds NULLs
ALTER TABLE prefs ALTER COLUMN theme SET NOT NULL;

ALTER TABLE prefs ALTER COLUMN size DROP NOT NULL;

ALTER TABLE prefs ALTER COLUMN size SET DEFAULT 14;

ALTER TABLE prefs ALTER COLUMN lang DROP DEFAULT;

ALTER TABLE prefs ALTER COLUMN lang SET DEFAULT 'en-US'::character varying;

-- downgrade
ALTER TABLE prefs ALTER COLUMN lang DROP DEFAULT;

ALTER TABLE prefs ALTER COLUMN lang SET DEFAULT 'en'::character varying;

ALTER TABLE prefs ALTER COLUMN size DROP DEFAULT;

-- REVIEW: fails if prefs.size holds NULLs
ALTER TABLE prefs ALTER COLUMN size SET NOT NULL;

ALTER TABLE prefs ALTER COLUMN theme DROP NOT NULL;

ALTER TABLE prefs ALTER COLUMN theme SET DEFAULT 'light'::character varying;
