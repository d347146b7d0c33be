-- upgrade
ALTER TABLE visits DROP CONSTRAINT visits_key;

DROP INDEX visits_site_day;

-- REVIEW: drops column visits.day and its data
ALTER TABLE visits DROP COLUMN day;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE visits ADD CONSTRAINT visits_key UNIQUE (site, path);

CREATE INDEX visits_site_day ON visits (site, hits);

-- downgrade
DROP INDEX visits_site_day;

ALTER TABLE visits DROP CONSTRAINT visits_key;

ALTER TABLE visits ADD COLUMN day integer;

CREATE INDEX visits_site_day ON visits (site, day, hits);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE visits ADD CONSTRAINT visits_key UNIQUE (site, path, day);
