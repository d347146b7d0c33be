-- upgrade
ALTER TABLE accounts DROP CONSTRAINT accounts_email_key;

ALTER TABLE accounts DROP CONSTRAINT accounts_org_team;

DROP INDEX accounts_handle;

DROP INDEX accounts_slot;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE accounts ADD CONSTRAINT accounts_org_team UNIQUE (org, team, slot);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE INDEX accounts_handle ON accounts (handle);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_slot ON accounts (slot);

-- downgrade
DROP INDEX accounts_slot;

DROP INDEX accounts_handle;

DROP INDEX accounts_email_key;

ALTER TABLE accounts DROP CONSTRAINT accounts_org_team;

CREATE INDEX accounts_slot ON accounts (slot);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX accounts_handle ON accounts (handle);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE accounts ADD CONSTRAINT accounts_org_team UNIQUE (org, team);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
