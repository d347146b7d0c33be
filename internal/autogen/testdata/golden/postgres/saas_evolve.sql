-- upgrade
-- REVIEW: likely rename: column account.plan_id is dropped (with its data) and account.tenant_id added with the same type. If it is a rename, generate again with --rename account.plan_id=tenant_id

ALTER TABLE account DROP CONSTRAINT account_plan_id_fkey;

ALTER TABLE project DROP CONSTRAINT project_owner_id_fkey;

ALTER TABLE task DROP CONSTRAINT task_project_id_fkey;

CREATE TABLE membership (
    account_id integer NOT NULL,
    project_id integer NOT NULL,
    role character varying(10) DEFAULT 'member'::character varying NOT NULL,
    PRIMARY KEY (account_id, project_id),
    CONSTRAINT ck_membership_role CHECK (role::text = ANY (ARRAY['owner'::character varying, 'member'::character varying, 'viewer'::character varying]::character varying[]::text[])),
    CONSTRAINT membership_project_id_fkey FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE tenant (
    id integer NOT NULL,
    slug character varying(30) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenant_slug UNIQUE (slug)
);

DROP INDEX uq_account_email;

ALTER TABLE account ADD COLUMN tenant_id integer;

-- REVIEW: drops column account.plan_id and its data
ALTER TABLE account DROP COLUMN plan_id;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (tenant_id, email);

ALTER TABLE project ADD COLUMN tenant_id integer;

ALTER TABLE project ALTER COLUMN name TYPE character varying(80);

CREATE INDEX ix_project_tenant ON project (tenant_id);

DROP INDEX ix_task_project;

ALTER TABLE task ADD COLUMN assignee_id integer;

-- REVIEW: fails if task.title holds NULLs
ALTER TABLE task ALTER COLUMN title SET NOT NULL;

ALTER TABLE task ALTER COLUMN title SET DEFAULT ''::character varying;

-- REVIEW: fails if task.done holds NULLs
ALTER TABLE task ALTER COLUMN done SET NOT NULL;

CREATE INDEX ix_task_project ON task (project_id, done);

ALTER TABLE account ADD CONSTRAINT account_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE;

ALTER TABLE project ADD CONSTRAINT project_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE;

ALTER TABLE project ADD CONSTRAINT project_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES account (id);

ALTER TABLE task ADD CONSTRAINT task_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES account (id) ON DELETE SET NULL;

ALTER TABLE task ADD CONSTRAINT task_project_id_fkey FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE;

ALTER TABLE membership ADD CONSTRAINT membership_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE;

-- REVIEW: drops table plan and all its data
DROP TABLE plan;

-- downgrade
CREATE TABLE plan (
    id integer NOT NULL,
    name character varying(20) NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE membership DROP CONSTRAINT membership_account_id_fkey;

ALTER TABLE task DROP CONSTRAINT task_project_id_fkey;

ALTER TABLE task DROP CONSTRAINT task_assignee_id_fkey;

ALTER TABLE project DROP CONSTRAINT project_owner_id_fkey;

ALTER TABLE project DROP CONSTRAINT project_tenant_id_fkey;

ALTER TABLE account DROP CONSTRAINT account_tenant_id_fkey;

DROP INDEX ix_task_project;

ALTER TABLE task ALTER COLUMN done DROP NOT NULL;

ALTER TABLE task ALTER COLUMN title DROP DEFAULT;

ALTER TABLE task ALTER COLUMN title DROP NOT NULL;

-- REVIEW: drops column task.assignee_id and its data
ALTER TABLE task DROP COLUMN assignee_id;

CREATE INDEX ix_task_project ON task (project_id);

DROP INDEX ix_project_tenant;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM project WHERE name IS NOT NULL AND CAST(CAST(name AS character varying(50)) AS character varying(80)) IS DISTINCT FROM name) THEN RAISE EXCEPTION 'retort: project.name holds values that character varying(50) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of project.name from character varying(80) to character varying(50): strings longer than 50 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE project ALTER COLUMN name TYPE character varying(50);

-- REVIEW: drops column project.tenant_id and its data
ALTER TABLE project DROP COLUMN tenant_id;

DROP INDEX uq_account_email;

ALTER TABLE account ADD COLUMN plan_id integer;

-- REVIEW: drops column account.tenant_id and its data
ALTER TABLE account DROP COLUMN tenant_id;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (email);

-- REVIEW: drops table tenant and all its data
DROP TABLE tenant;

-- REVIEW: drops table membership and all its data
DROP TABLE membership;

ALTER TABLE task ADD CONSTRAINT task_project_id_fkey FOREIGN KEY (project_id) REFERENCES project (id);

ALTER TABLE project ADD CONSTRAINT project_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES account (id);

ALTER TABLE account ADD CONSTRAINT account_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES plan (id);
