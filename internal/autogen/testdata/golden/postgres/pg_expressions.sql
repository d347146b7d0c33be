-- upgrade
ALTER TABLE person ADD COLUMN expires date DEFAULT (CURRENT_DATE + '30 days'::interval);

-- REVIEW: fails if person.kind holds NULLs
ALTER TABLE person ALTER COLUMN kind SET NOT NULL;

ALTER TABLE person ALTER COLUMN kind SET DEFAULT 'user'::character varying;

ALTER TABLE person ALTER COLUMN score SET DEFAULT 0.0;

ALTER TABLE person ADD COLUMN full_name text GENERATED ALWAYS AS ((((COALESCE(first, ''::character varying))::text || ' '::text) || (COALESCE(last, ''::character varying))::text)) STORED;

CREATE INDEX person_age ON person ((date_part('year'::text, born)));

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX person_email_ci ON person ((lower(email::text))) WHERE kind::text <> ALL (ARRAY['root'::text, 'system'::text]);

CREATE INDEX person_kind ON person (kind) WHERE (kind::text = ANY (ARRAY['admin'::character varying, 'staff'::character varying]::character varying[]::text[])) AND score > 0::numeric;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE person ADD CONSTRAINT person_born_check CHECK (born >= '1900-01-01'::date AND born <= CURRENT_DATE);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE person ADD CONSTRAINT person_check CHECK (
CASE
    WHEN kind::text = 'user'::text THEN score >= 0::numeric
    ELSE true
END);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE person ADD CONSTRAINT person_email_check CHECK (email::text ~~ '%@%'::text AND email::text ~* '^[^ ]+$'::text);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE person ADD CONSTRAINT person_kind_check CHECK (kind::text <> ALL (ARRAY['root'::character varying, 'system'::character varying]::character varying[]::text[]));

-- REVIEW: fails if existing rows violate the check
ALTER TABLE person ADD CONSTRAINT person_name_len CHECK ((char_length(first::text) + char_length(last::text)) < 80);

-- downgrade
ALTER TABLE person DROP CONSTRAINT person_name_len;

ALTER TABLE person DROP CONSTRAINT person_kind_check;

ALTER TABLE person DROP CONSTRAINT person_email_check;

ALTER TABLE person DROP CONSTRAINT person_check;

ALTER TABLE person DROP CONSTRAINT person_born_check;

DROP INDEX person_kind;

DROP INDEX person_email_ci;

DROP INDEX person_age;

ALTER TABLE person DROP COLUMN full_name;

ALTER TABLE person ALTER COLUMN score DROP DEFAULT;

ALTER TABLE person ALTER COLUMN kind DROP DEFAULT;

ALTER TABLE person ALTER COLUMN kind DROP NOT NULL;

-- REVIEW: drops column person.expires and its data
ALTER TABLE person DROP COLUMN expires;
