-- upgrade
DROP INDEX people_full;

ALTER TABLE people DROP COLUMN full_name;

ALTER TABLE people ADD COLUMN full_name character varying(41) GENERATED ALWAYS AS ((((last)::text || ', '::text) || (first)::text)) STORED;

ALTER TABLE people ADD COLUMN initials character varying(2) GENERATED ALWAYS AS ((substr((first)::text, 1, 1) || substr((last)::text, 1, 1))) STORED;

CREATE INDEX people_full ON people (full_name);

CREATE INDEX people_initials ON people (initials);

-- downgrade
DROP INDEX people_initials;

DROP INDEX people_full;

ALTER TABLE people DROP COLUMN initials;

ALTER TABLE people DROP COLUMN full_name;

ALTER TABLE people ADD COLUMN full_name character varying(41) GENERATED ALWAYS AS ((((first)::text || ' '::text) || (last)::text)) STORED;

CREATE INDEX people_full ON people (full_name);
