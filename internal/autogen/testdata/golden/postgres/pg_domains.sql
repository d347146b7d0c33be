-- upgrade
-- REVIEW: recreates domain retyped because its base type or collation changes (ALTER DOMAIN cannot): fails while a column uses it; change those columns' type first
DROP DOMAIN retyped;

ALTER DOMAIN code DROP DEFAULT;

ALTER DOMAIN code DROP NOT NULL;

ALTER DOMAIN email DROP CONSTRAINT has_at;

ALTER DOMAIN email DROP CONSTRAINT short;

-- REVIEW: fails if a column of domain email holds NULLs
ALTER DOMAIN email SET NOT NULL;

-- REVIEW: fails if a value in a column of domain email violates the check
ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE ~~ '%_@_%'::text);

COMMENT ON DOMAIN email IS 'an e-mail address';

CREATE DOMAIN feeling AS mood
    DEFAULT 'ok'::mood;

COMMENT ON DOMAIN feeling IS 'how it went';

-- REVIEW: fails if a value in a column of domain positive violates the check
ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 1000000);

CREATE DOMAIN retyped AS bigint;

CREATE DOMAIN small_positive AS positive
    CONSTRAINT small_positive_check CHECK (VALUE::integer < 10);

ALTER TABLE person ADD COLUMN f feeling;

ALTER TABLE person ADD COLUMN rank small_positive;

-- REVIEW: drops table gone and all its data
DROP TABLE gone;

-- REVIEW: drops domain old_dom
DROP DOMAIN old_dom;

-- downgrade
CREATE DOMAIN old_dom AS integer;

CREATE TABLE gone (
    x old_dom
);

-- REVIEW: drops column person.rank and its data
ALTER TABLE person DROP COLUMN rank;

-- REVIEW: drops column person.f and its data
ALTER TABLE person DROP COLUMN f;

-- REVIEW: drops domain small_positive
DROP DOMAIN small_positive;

-- REVIEW: recreates domain retyped because its base type or collation changes (ALTER DOMAIN cannot): fails while a column uses it; change those columns' type first
DROP DOMAIN retyped;

ALTER DOMAIN positive DROP CONSTRAINT small;

-- REVIEW: drops domain feeling
DROP DOMAIN feeling;

ALTER DOMAIN email DROP CONSTRAINT has_at;

ALTER DOMAIN email DROP NOT NULL;

-- REVIEW: fails if a value in a column of domain email violates the check
ALTER DOMAIN email ADD CONSTRAINT has_at CHECK (VALUE ~~ '%@%'::text);

-- REVIEW: fails if a value in a column of domain email violates the check
ALTER DOMAIN email ADD CONSTRAINT short CHECK (length(VALUE) < 100);

COMMENT ON DOMAIN email IS 'an address';

ALTER DOMAIN code SET DEFAULT 'x'::character varying;

-- REVIEW: fails if a column of domain code holds NULLs
ALTER DOMAIN code SET NOT NULL;

CREATE DOMAIN retyped AS integer;
