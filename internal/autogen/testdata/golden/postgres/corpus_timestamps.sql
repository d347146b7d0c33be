-- upgrade
ALTER TABLE log ADD COLUMN seen timestamp with time zone;

ALTER TABLE log ALTER COLUMN at TYPE timestamp(3) without time zone;

ALTER TABLE log ALTER COLUMN day TYPE timestamp without time zone;

-- REVIEW: changes the type of log.t from time without time zone to time(2) without time zone: fails or loses data if existing values do not fit
ALTER TABLE log ALTER COLUMN t TYPE time(2) without time zone;

-- downgrade
-- REVIEW: changes the type of log.t from time(2) without time zone to time without time zone: fails or loses data if existing values do not fit
ALTER TABLE log ALTER COLUMN t TYPE time without time zone;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM log WHERE day IS NOT NULL AND CAST(CAST(day AS date) AS timestamp without time zone) IS DISTINCT FROM day) THEN RAISE EXCEPTION 'retort: log.day holds values that date cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of log.day from timestamp without time zone to date: values with a time of day other than midnight fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE log ALTER COLUMN day TYPE date;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM log WHERE at IS NOT NULL AND CAST(CAST(at AS timestamp(0) without time zone) AS timestamp(3) without time zone) IS DISTINCT FROM at) THEN RAISE EXCEPTION 'retort: log.at holds values that timestamp(0) without time zone cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of log.at from timestamp(3) without time zone to timestamp(0) without time zone: values that timestamp(0) without time zone cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE log ALTER COLUMN at TYPE timestamp(0) without time zone;

-- REVIEW: drops column log.seen and its data
ALTER TABLE log DROP COLUMN seen;
