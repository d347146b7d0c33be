-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE membership (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    role VARCHAR(10) NOT NULL DEFAULT 'member',
    PRIMARY KEY (account_id, project_id),
    CONSTRAINT ck_membership_role CHECK (role IN ('owner', 'member', 'viewer'))
);

CREATE TABLE tenant (id INTEGER NOT NULL PRIMARY KEY, slug VARCHAR(30) NOT NULL, CONSTRAINT uq_tenant_slug UNIQUE (slug));

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: drop index "uq_account_email"; drop foreign key "" (plan_id); add column "tenant_id"; drop column "plan_id"; add index "uq_account_email"; add foreign key "" (tenant_id) → tenant(id); table definition); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, tenant_id INTEGER REFERENCES tenant (id) ON DELETE CASCADE, email VARCHAR(120) NOT NULL);

INSERT INTO account (id, email) SELECT id, email FROM _retort_old_account;

DROP TABLE _retort_old_account;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (tenant_id, email);

-- REVIEW: rebuilds table project (SQLite cannot ALTER this: add column "tenant_id"; modify column "name": type VARCHAR(50) → VARCHAR(80); add index "ix_project_tenant"; add foreign key "" (tenant_id) → tenant(id); table definition); its rows are copied
ALTER TABLE project RENAME TO _retort_old_project;

CREATE TABLE project (id INTEGER NOT NULL PRIMARY KEY, tenant_id INTEGER REFERENCES tenant (id) ON DELETE CASCADE, owner_id INTEGER NOT NULL REFERENCES account (id), name VARCHAR(80) NOT NULL);

INSERT INTO project (id, owner_id, name) SELECT id, owner_id, name FROM _retort_old_project;

DROP TABLE _retort_old_project;

CREATE INDEX ix_project_tenant ON project (tenant_id);

-- REVIEW: rebuilds table task (SQLite cannot ALTER this: drop index "ix_task_project"; drop foreign key "" (project_id); add column "assignee_id"; modify column "title": set NOT NULL, default (none) → ''; modify column "done": set NOT NULL; add index "ix_task_project"; add foreign key "" (assignee_id) → account(id); add foreign key "" (project_id) → project(id); table definition); its rows are copied
ALTER TABLE task RENAME TO _retort_old_task;

CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE, title VARCHAR(100) NOT NULL DEFAULT '', done BOOLEAN NOT NULL DEFAULT FALSE, assignee_id INTEGER REFERENCES account (id) ON DELETE SET NULL);

INSERT INTO task (id, project_id, title, done) SELECT id, project_id, title, done FROM _retort_old_task;

DROP TABLE _retort_old_task;

CREATE INDEX ix_task_project ON task (project_id, done);

-- REVIEW: drops table plan and all its data
DROP TABLE "plan";

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

CREATE TABLE plan (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);

-- REVIEW: rebuilds table task (SQLite cannot ALTER this: table definition; drop foreign key "" (project_id); drop foreign key "" (assignee_id); drop index "ix_task_project"; modify column "done": drop NOT NULL; modify column "title": drop NOT NULL, default '' → (none); drop column "assignee_id"; add foreign key "" (project_id) → project(id); add index "ix_task_project"); its rows are copied
ALTER TABLE task RENAME TO _retort_old_task;

CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES project (id), title VARCHAR(100), done BOOLEAN DEFAULT FALSE);

INSERT INTO task (id, project_id, title, done) SELECT id, project_id, title, done FROM _retort_old_task;

DROP TABLE _retort_old_task;

CREATE INDEX ix_task_project ON task (project_id);

-- REVIEW: rebuilds table project (SQLite cannot ALTER this: table definition; drop foreign key "" (tenant_id); drop index "ix_project_tenant"; modify column "name": type VARCHAR(80) → VARCHAR(50); drop column "tenant_id"); its rows are copied
ALTER TABLE project RENAME TO _retort_old_project;

CREATE TABLE project (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES account (id), name VARCHAR(50) NOT NULL);

INSERT INTO project (id, owner_id, name) SELECT id, owner_id, name FROM _retort_old_project;

DROP TABLE _retort_old_project;

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: table definition; drop foreign key "" (tenant_id); drop index "uq_account_email"; add column "plan_id"; drop column "tenant_id"; add foreign key "" (plan_id) → plan(id); add index "uq_account_email"); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, plan_id INTEGER REFERENCES plan (id), email VARCHAR(120) NOT NULL);

INSERT INTO account (id, email) SELECT id, email FROM _retort_old_account;

DROP TABLE _retort_old_account;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (email);

-- REVIEW: drops table tenant and all its data
DROP TABLE tenant;

-- REVIEW: drops table membership and all its data
DROP TABLE membership;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
