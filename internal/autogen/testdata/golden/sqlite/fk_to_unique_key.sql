-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table city (SQLite cannot ALTER this: drop foreign key "" (country_iso); modify column "country_iso": type VARCHAR(2) → VARCHAR(3); add unique constraint "uq_city_name" (country_iso, name); add foreign key "" (country_iso) → country(iso); table definition); its rows are copied
ALTER TABLE city RENAME TO _retort_old_city;

CREATE TABLE city (id INTEGER NOT NULL PRIMARY KEY, country_iso VARCHAR(3) REFERENCES country (iso) ON UPDATE CASCADE, name VARCHAR(40), CONSTRAINT uq_city_name UNIQUE (country_iso, name));

INSERT INTO city (id, country_iso, name) SELECT id, country_iso, name FROM _retort_old_city;

DROP TABLE _retort_old_city;

-- REVIEW: rebuilds table country (SQLite cannot ALTER this: modify column "iso": type VARCHAR(2) → VARCHAR(3); table definition); its rows are copied
ALTER TABLE country RENAME TO _retort_old_country;

CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY, iso VARCHAR(3) NOT NULL, CONSTRAINT uq_country_iso UNIQUE (iso));

INSERT INTO country (id, iso) SELECT id, iso FROM _retort_old_country;

DROP TABLE _retort_old_country;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table country (SQLite cannot ALTER this: table definition; modify column "iso": type VARCHAR(3) → VARCHAR(2)); its rows are copied
ALTER TABLE country RENAME TO _retort_old_country;

CREATE TABLE country (id INTEGER NOT NULL PRIMARY KEY, iso VARCHAR(2) NOT NULL, CONSTRAINT uq_country_iso UNIQUE (iso));

INSERT INTO country (id, iso) SELECT id, iso FROM _retort_old_country;

DROP TABLE _retort_old_country;

-- REVIEW: rebuilds table city (SQLite cannot ALTER this: table definition; drop foreign key "" (country_iso); drop unique constraint "uq_city_name"; modify column "country_iso": type VARCHAR(3) → VARCHAR(2); add foreign key "" (country_iso) → country(iso)); its rows are copied
ALTER TABLE city RENAME TO _retort_old_city;

CREATE TABLE city (id INTEGER NOT NULL PRIMARY KEY, country_iso VARCHAR(2) REFERENCES country (iso), name VARCHAR(40));

INSERT INTO city (id, country_iso, name) SELECT id, country_iso, name FROM _retort_old_city;

DROP TABLE _retort_old_city;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
