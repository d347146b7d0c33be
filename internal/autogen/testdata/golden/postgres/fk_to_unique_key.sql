-- upgrade
ALTER TABLE city DROP CONSTRAINT city_country_iso_fkey;

ALTER TABLE city ALTER COLUMN country_iso TYPE character varying(3);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE city ADD CONSTRAINT uq_city_name UNIQUE (country_iso, name);

ALTER TABLE country ALTER COLUMN iso TYPE character varying(3);

ALTER TABLE city ADD CONSTRAINT city_country_iso_fkey FOREIGN KEY (country_iso) REFERENCES country (iso) ON UPDATE CASCADE;

-- downgrade
ALTER TABLE city DROP CONSTRAINT city_country_iso_fkey;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM country WHERE iso IS NOT NULL AND CAST(CAST(iso AS character varying(2)) AS character varying(3)) IS DISTINCT FROM iso) THEN RAISE EXCEPTION 'retort: country.iso holds values that character varying(2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of country.iso from character varying(3) to character varying(2): strings longer than 2 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE country ALTER COLUMN iso TYPE character varying(2);

ALTER TABLE city DROP CONSTRAINT uq_city_name;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM city WHERE country_iso IS NOT NULL AND CAST(CAST(country_iso AS character varying(2)) AS character varying(3)) IS DISTINCT FROM country_iso) THEN RAISE EXCEPTION 'retort: city.country_iso holds values that character varying(2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of city.country_iso from character varying(3) to character varying(2): strings longer than 2 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE city ALTER COLUMN country_iso TYPE character varying(2);

ALTER TABLE city ADD CONSTRAINT city_country_iso_fkey FOREIGN KEY (country_iso) REFERENCES country (iso);
