-- upgrade
ALTER TABLE docs ADD COLUMN extra jsonb DEFAULT '[]'::jsonb;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM docs WHERE body IS NOT NULL AND CAST(CAST(body AS jsonb) AS text) IS DISTINCT FROM body) THEN RAISE EXCEPTION 'retort: docs.body holds values that jsonb cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of docs.body from text to jsonb with USING body::jsonb: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE docs ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM docs WHERE meta IS NOT NULL AND CAST(CAST(meta AS json) AS text) IS DISTINCT FROM meta) THEN RAISE EXCEPTION 'retort: docs.meta holds values that json cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of docs.meta from text to json with USING meta::json: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE docs ALTER COLUMN meta TYPE json USING meta::json;

ALTER TABLE docs ALTER COLUMN meta SET DEFAULT '{}'::json;

CREATE INDEX docs_a ON docs (((body ->> 'a'::text)));

CREATE INDEX docs_gin ON docs USING gin (body);

-- downgrade
DROP INDEX docs_gin;

DROP INDEX docs_a;

ALTER TABLE docs ALTER COLUMN meta DROP DEFAULT;

-- REVIEW: changes the type of docs.meta from json to text: fails or loses data if existing values do not fit
ALTER TABLE docs ALTER COLUMN meta TYPE text;

-- REVIEW: changes the type of docs.body from jsonb to text: fails or loses data if existing values do not fit
ALTER TABLE docs ALTER COLUMN body TYPE text;

-- REVIEW: drops column docs.extra and its data
ALTER TABLE docs DROP COLUMN extra;
