-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table visits (SQLite cannot ALTER this: drop unique constraint "visits_key"; drop index "visits_site_day"; drop column "day"; add unique constraint "visits_key" (site, path); add index "visits_site_day"; table definition); its rows are copied
ALTER TABLE visits RENAME TO _retort_old_visits;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE visits (id INTEGER NOT NULL PRIMARY KEY, site INTEGER, path VARCHAR(50), hits INTEGER, CONSTRAINT visits_key UNIQUE (site, path));

-- REVIEW: drops column visits.day and its data
-- REVIEW: adds unique (site, path) on visits: fails if existing rows hold duplicates
INSERT INTO visits (id, site, path, hits) SELECT id, site, path, hits FROM _retort_old_visits;

DROP TABLE _retort_old_visits;

CREATE INDEX visits_site_day ON visits (site, hits);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table visits (SQLite cannot ALTER this: table definition; drop index "visits_site_day"; drop unique constraint "visits_key"; add column "day"; add index "visits_site_day"; add unique constraint "visits_key" (site, path, day)); its rows are copied
ALTER TABLE visits RENAME TO _retort_old_visits;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE visits (id INTEGER NOT NULL PRIMARY KEY, site INTEGER, path VARCHAR(50), day INTEGER, hits INTEGER, CONSTRAINT visits_key UNIQUE (site, path, day));

-- REVIEW: adds unique (site, path, day) on visits: fails if existing rows hold duplicates
INSERT INTO visits (id, site, path, hits) SELECT id, site, path, hits FROM _retort_old_visits;

DROP TABLE _retort_old_visits;

CREATE INDEX visits_site_day ON visits (site, day, hits);
