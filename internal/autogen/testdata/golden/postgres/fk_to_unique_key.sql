-- upgrade
ALTER TABLE city DROP CONSTRAINT city_country_iso_fkey;

ALTER TABLE city ALTER COLUMN country_iso TYPE character varying(3);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE city ADD CONSTRAINT uq_city_name UNIQUE (country_iso, name);

ALTER TABLE country ALTER COLUMN iso TYPE character varying(3);

ALTER TABLE city ADD CONSTRAINT city_country_iso_fkey FOREIGN KEY (country_iso) REFERENCES country (iso) ON UPDATE CASCADE;

-- downgrade
ALTER TABLE city DROP CONSTRAINT city_country_iso_fkey;

-- REVIEW: changes the type of country.iso from character varying(3) to character varying(2): fails or loses data if existing values do not fit
ALTER TABLE country ALTER COLUMN iso TYPE character varying(2);

ALTER TABLE city DROP CONSTRAINT uq_city_name;

-- REVIEW: changes the type of city.country_iso from character varying(3) to character varying(2): fails or loses data if existing values do not fit
ALTER TABLE city ALTER COLUMN country_iso TYPE character varying(2);

ALTER TABLE city ADD CONSTRAINT city_country_iso_fkey FOREIGN KEY (country_iso) REFERENCES country (iso);
