-- upgrade
ALTER TABLE pairs RENAME COLUMN d TO e;

ALTER TABLE pairs RENAME COLUMN c TO d;

ALTER TABLE pairs RENAME COLUMN w TO width;

ALTER TABLE pairs RENAME COLUMN b TO _retort_tmp_b;

ALTER TABLE pairs RENAME COLUMN a TO b;

ALTER TABLE pairs RENAME COLUMN _retort_tmp_b TO a;

ALTER TABLE pairs ALTER COLUMN width TYPE bigint;

-- downgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM pairs WHERE width IS NOT NULL AND CAST(CAST(width AS integer) AS bigint) IS DISTINCT FROM width) THEN RAISE EXCEPTION 'retort: pairs.width holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of pairs.width from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE pairs ALTER COLUMN width TYPE integer;

ALTER TABLE pairs RENAME COLUMN a TO _retort_tmp_b;

ALTER TABLE pairs RENAME COLUMN b TO a;

ALTER TABLE pairs RENAME COLUMN _retort_tmp_b TO b;

ALTER TABLE pairs RENAME COLUMN width TO w;

ALTER TABLE pairs RENAME COLUMN d TO c;

ALTER TABLE pairs RENAME COLUMN e TO d;
