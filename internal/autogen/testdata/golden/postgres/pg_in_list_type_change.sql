-- upgrade
ALTER TABLE job DROP CONSTRAINT job_state_check;

DROP INDEX job_active;

ALTER TABLE job ALTER COLUMN state TYPE character varying(20);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE job ADD CONSTRAINT job_state_check CHECK (state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying, 'done'::character varying]::character varying[]::text[]));

CREATE INDEX job_active ON job (id) WHERE state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying]::character varying[]::text[]);

-- downgrade
ALTER TABLE job DROP CONSTRAINT job_state_check;

DROP INDEX job_active;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM job WHERE state IS NOT NULL AND CAST(CAST(state AS character varying(10)) AS character varying(20)) IS DISTINCT FROM state) THEN RAISE EXCEPTION 'retort: job.state holds values that character varying(10) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of job.state from character varying(20) to character varying(10): strings longer than 10 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE job ALTER COLUMN state TYPE character varying(10);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE job ADD CONSTRAINT job_state_check CHECK (state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying, 'done'::character varying]::character varying[]::text[]));

CREATE INDEX job_active ON job (id) WHERE state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying]::character varying[]::text[]);
