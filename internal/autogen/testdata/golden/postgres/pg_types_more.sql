-- upgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM misc WHERE ts IS NOT NULL AND CAST(CAST(ts AS timestamp(3) without time zone) AS timestamp without time zone) IS DISTINCT FROM ts) THEN RAISE EXCEPTION 'retort: misc.ts holds values that timestamp(3) without time zone cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of misc.ts from timestamp without time zone to timestamp(3) without time zone: values that timestamp(3) without time zone cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE misc ALTER COLUMN ts TYPE timestamp(3) without time zone;

-- REVIEW: changes the type of misc.tt from time without time zone to time with time zone: fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN tt TYPE time with time zone;

-- REVIEW: changes the type of misc.ip from inet to cidr: fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN ip TYPE cidr;

-- REVIEW: changes the type of misc.doc from text to tsvector with USING doc::tsvector: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN doc TYPE tsvector USING doc::tsvector;

-- REVIEW: changes the type of misc.during from tstzrange to int4range with USING during::text::int4range: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN during TYPE int4range USING during::text::int4range;

-- REVIEW: changes the type of misc.flags from bit(4) to bit varying(8): fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN flags TYPE bit varying(8);

-- REVIEW: changes the type of misc.wait from interval to interval day to second with USING wait::text::interval day to second: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN wait TYPE interval day to second USING wait::text::interval day to second;

ALTER TABLE misc ALTER COLUMN names TYPE character varying(40)[];

-- REVIEW: changes the type of misc.amount from money to numeric(12,2) with USING amount::text::numeric(12,2): the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN amount TYPE numeric(12,2) USING amount::text::numeric(12,2);

-- REVIEW: changes the type of misc.mac from macaddr to macaddr8 with USING mac::text::macaddr8: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN mac TYPE macaddr8 USING mac::text::macaddr8;

ALTER TABLE misc ALTER COLUMN created DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM misc WHERE created IS NOT NULL AND CAST(CAST(created AS timestamp(0) with time zone) AS timestamp with time zone) IS DISTINCT FROM created) THEN RAISE EXCEPTION 'retort: misc.created holds values that timestamp(0) with time zone cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of misc.created from timestamp with time zone to timestamp(0) with time zone: values that timestamp(0) with time zone cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE misc ALTER COLUMN created TYPE timestamp(0) with time zone;

ALTER TABLE misc ALTER COLUMN created SET DEFAULT CURRENT_TIMESTAMP(0);

CREATE INDEX misc_doc ON misc USING gin (doc);

CREATE INDEX misc_ip ON misc USING gist (ip inet_ops);

CREATE INDEX misc_names ON misc ((lower(names[1]::text)) varchar_pattern_ops);

-- downgrade
DROP INDEX misc_names;

DROP INDEX misc_ip;

DROP INDEX misc_doc;

ALTER TABLE misc ALTER COLUMN created DROP DEFAULT;

ALTER TABLE misc ALTER COLUMN created TYPE timestamp with time zone;

ALTER TABLE misc ALTER COLUMN created SET DEFAULT CURRENT_TIMESTAMP;

-- REVIEW: changes the type of misc.mac from macaddr8 to macaddr with USING mac::text::macaddr: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN mac TYPE macaddr USING mac::text::macaddr;

-- REVIEW: changes the type of misc.amount from numeric(12,2) to money with USING amount::text::money: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN amount TYPE money USING amount::text::money;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM misc WHERE names IS NOT NULL AND CAST(CAST(names AS character varying(20)[]) AS character varying(40)[]) IS DISTINCT FROM names) THEN RAISE EXCEPTION 'retort: misc.names holds values that character varying(20)[] cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of misc.names from character varying(40)[] to character varying(20)[]: values that character varying(20)[] cannot hold unchanged (out of its range, too long, or rounded) fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE misc ALTER COLUMN names TYPE character varying(20)[];

-- REVIEW: changes the type of misc.wait from interval day to second to interval with USING wait::text::interval: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN wait TYPE interval USING wait::text::interval;

-- REVIEW: changes the type of misc.flags from bit varying(8) to bit(4): fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN flags TYPE bit(4);

-- REVIEW: changes the type of misc.during from int4range to tstzrange with USING during::text::tstzrange: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE misc ALTER COLUMN during TYPE tstzrange USING during::text::tstzrange;

-- REVIEW: changes the type of misc.doc from tsvector to text: fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN doc TYPE text;

ALTER TABLE misc ALTER COLUMN ip TYPE inet;

-- REVIEW: changes the type of misc.tt from time with time zone to time without time zone: fails or loses data if existing values do not fit
ALTER TABLE misc ALTER COLUMN tt TYPE time without time zone;

ALTER TABLE misc ALTER COLUMN ts TYPE timestamp without time zone;
