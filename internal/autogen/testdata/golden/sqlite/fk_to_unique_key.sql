-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table city (SQLite cannot ALTER this: drop foreign key "" (country_iso); modify column "country_iso": type VARCHAR(2) → VARCHAR(3); add unique constraint "uq_city_name" (country_iso, name); add foreign key "" (country_iso) → country(iso); table definition); its rows are copied
ALTER TABLE city RENAME TO _retort_old_city;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE city (id INTEGER NOT NULL PRIMARY KEY, country_iso VARCHAR(3) REFERENCES country (iso) ON UPDATE CASCADE, name VARCHAR(40), CONSTRAINT uq_city_name UNIQUE (country_iso, name));

-- REVIEW: adds unique (country_iso, name) on city: fails if existing rows hold duplicates
-- REVIEW: adds foreign key city (country_iso) -> country: fails if an existing row references no row of country (PRAGMA foreign_key_check)
INSERT INTO city (id, country_iso, name) SELECT id, country_iso, name FROM _retort_old_city;

DROP TABLE _retort_old_city;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table country (SQLite cannot ALTER this: modify column "iso": type VARCHAR(2) → VARCHAR(3); table definition); its rows are copied
ALTER TABLE country RENAME TO _retort_old_country;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY, iso VARCHAR(3) NOT NULL, CONSTRAINT uq_country_iso UNIQUE (iso));

INSERT INTO country (id, iso) SELECT id, iso FROM _retort_old_country;

DROP TABLE _retort_old_country;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table country (SQLite cannot ALTER this: table definition; modify column "iso": type VARCHAR(3) → VARCHAR(2)); its rows are copied
ALTER TABLE country RENAME TO _retort_old_country;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY, iso VARCHAR(2) NOT NULL, CONSTRAINT uq_country_iso UNIQUE (iso));

INSERT INTO country (id, iso) SELECT id, iso FROM _retort_old_country;

DROP TABLE _retort_old_country;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table city (SQLite cannot ALTER this: table definition; drop foreign key "" (country_iso); drop unique constraint "uq_city_name"; modify column "country_iso": type VARCHAR(3) → VARCHAR(2); add foreign key "" (country_iso) → country(iso)); its rows are copied
ALTER TABLE city RENAME TO _retort_old_city;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE city (id INTEGER NOT NULL PRIMARY KEY, country_iso VARCHAR(2) REFERENCES country (iso), name VARCHAR(40));

-- REVIEW: adds foreign key city (country_iso) -> country: fails if an existing row references no row of country (PRAGMA foreign_key_check)
INSERT INTO city (id, country_iso, name) SELECT id, country_iso, name FROM _retort_old_city;

DROP TABLE _retort_old_city;
