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

-- REVIEW: changes the type of job.state from character varying(20) to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE job ALTER COLUMN state TYPE character varying(10);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE job ADD CONSTRAINT job_state_check CHECK (state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying, 'done'::character varying]::character varying[]::text[]));

CREATE INDEX job_active ON job (id) WHERE state::text = ANY (ARRAY['queued'::character varying, 'running'::character varying]::character varying[]::text[]);
