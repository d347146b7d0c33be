-- upgrade
-- REVIEW: likely rename: column account.plan_id is dropped (with its data) and account.tenant_id added with the same type. If it is a rename, generate again with --rename account.plan_id=tenant_id

-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE membership (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    role VARCHAR(10) NOT NULL DEFAULT 'member',
    PRIMARY KEY (account_id, project_id),
    CONSTRAINT ck_membership_role CHECK (role IN ('owner', 'member', 'viewer'))
);

CREATE TABLE tenant (id INTEGER NOT NULL PRIMARY KEY, slug VARCHAR(30) NOT NULL, CONSTRAINT uq_tenant_slug UNIQUE (slug));

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: drop index "uq_account_email"; drop foreign key "" (plan_id); add column "tenant_id"; drop column "plan_id"; add index "uq_account_email"; add foreign key "" (tenant_id) → tenant(id); table definition); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, tenant_id INTEGER REFERENCES tenant (id) ON DELETE CASCADE, email VARCHAR(120) NOT NULL);

-- REVIEW: drops column account.plan_id and its data
INSERT INTO account (id, email) SELECT id, email FROM _retort_old_account;

DROP TABLE _retort_old_account;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (tenant_id, email);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table project (SQLite cannot ALTER this: add column "tenant_id"; modify column "name": type VARCHAR(50) → VARCHAR(80); add index "ix_project_tenant"; add foreign key "" (tenant_id) → tenant(id); table definition); its rows are copied
ALTER TABLE project RENAME TO _retort_old_project;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE project (id INTEGER NOT NULL PRIMARY KEY, tenant_id INTEGER REFERENCES tenant (id) ON DELETE CASCADE, owner_id INTEGER NOT NULL REFERENCES account (id), name VARCHAR(80) NOT NULL);

INSERT INTO project (id, owner_id, name) SELECT id, owner_id, name FROM _retort_old_project;

DROP TABLE _retort_old_project;

CREATE INDEX ix_project_tenant ON project (tenant_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table task (SQLite cannot ALTER this: drop index "ix_task_project"; drop foreign key "" (project_id); add column "assignee_id"; modify column "title": set NOT NULL, default (none) → ''; modify column "done": set NOT NULL; add index "ix_task_project"; add foreign key "" (assignee_id) → account(id); add foreign key "" (project_id) → project(id); table definition); its rows are copied
ALTER TABLE task RENAME TO _retort_old_task;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE, title VARCHAR(100) NOT NULL DEFAULT '', done BOOLEAN NOT NULL DEFAULT FALSE, assignee_id INTEGER REFERENCES account (id) ON DELETE SET NULL);

-- REVIEW: fails if task.title holds NULLs
-- REVIEW: fails if task.done holds NULLs
-- REVIEW: adds foreign key task (project_id) -> project: fails if an existing row references no row of project (PRAGMA foreign_key_check)
INSERT INTO task (id, project_id, title, done) SELECT id, project_id, title, done FROM _retort_old_task;

DROP TABLE _retort_old_task;

CREATE INDEX ix_task_project ON task (project_id, done);

-- REVIEW: drops table plan and all its data
DROP TABLE "plan";

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

CREATE TABLE plan (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table task (SQLite cannot ALTER this: table definition; drop foreign key "" (project_id); drop foreign key "" (assignee_id); drop index "ix_task_project"; modify column "done": drop NOT NULL; modify column "title": drop NOT NULL, default '' → (none); drop column "assignee_id"; add foreign key "" (project_id) → project(id); add index "ix_task_project"); its rows are copied
ALTER TABLE task RENAME TO _retort_old_task;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE task (id INTEGER NOT NULL PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES project (id), title VARCHAR(100), done BOOLEAN DEFAULT FALSE);

-- REVIEW: drops column task.assignee_id and its data
-- REVIEW: adds foreign key task (project_id) -> project: fails if an existing row references no row of project (PRAGMA foreign_key_check)
INSERT INTO task (id, project_id, title, done) SELECT id, project_id, title, done FROM _retort_old_task;

DROP TABLE _retort_old_task;

CREATE INDEX ix_task_project ON task (project_id);

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table project (SQLite cannot ALTER this: table definition; drop foreign key "" (tenant_id); drop index "ix_project_tenant"; modify column "name": type VARCHAR(80) → VARCHAR(50); drop column "tenant_id"); its rows are copied
ALTER TABLE project RENAME TO _retort_old_project;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE project (id INTEGER NOT NULL PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES account (id), name VARCHAR(50) NOT NULL);

-- REVIEW: drops column project.tenant_id and its data
INSERT INTO project (id, owner_id, name) SELECT id, owner_id, name FROM _retort_old_project;

DROP TABLE _retort_old_project;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: table definition; drop foreign key "" (tenant_id); drop index "uq_account_email"; add column "plan_id"; drop column "tenant_id"; add foreign key "" (plan_id) → plan(id); add index "uq_account_email"); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE account (id INTEGER NOT NULL PRIMARY KEY, plan_id INTEGER REFERENCES plan (id), email VARCHAR(120) NOT NULL);

-- REVIEW: drops column account.tenant_id and its data
INSERT INTO account (id, email) SELECT id, email FROM _retort_old_account;

DROP TABLE _retort_old_account;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX uq_account_email ON account (email);

-- REVIEW: drops table tenant and all its data
DROP TABLE tenant;

-- REVIEW: drops table membership and all its data
DROP TABLE membership;
