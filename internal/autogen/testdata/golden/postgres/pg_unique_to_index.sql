-- upgrade
DROP VIEW org_legacy;

DROP VIEW org_codes;

ALTER TABLE member DROP CONSTRAINT member_org_code_fkey;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX member_one_active ON member (org_code) WHERE active;

ALTER TABLE org DROP CONSTRAINT org_code_key;

-- REVIEW: drops column org.legacy and its data
ALTER TABLE org DROP COLUMN legacy;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX org_code_uix ON org (code);

ALTER TABLE member ADD CONSTRAINT member_org_code_fkey FOREIGN KEY (org_code) REFERENCES org (code);

CREATE VIEW org_codes AS
SELECT org.id,
    org.code
   FROM org;

-- downgrade
DROP VIEW org_codes;

ALTER TABLE member DROP CONSTRAINT member_org_code_fkey;

DROP INDEX org_code_uix;

ALTER TABLE org ADD COLUMN legacy integer;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE org ADD CONSTRAINT org_code_key UNIQUE (code);

DROP INDEX member_one_active;

ALTER TABLE member ADD CONSTRAINT member_org_code_fkey FOREIGN KEY (org_code) REFERENCES org (code);

CREATE VIEW org_codes AS
SELECT org.id,
    org.code
   FROM org;

CREATE VIEW org_legacy AS
SELECT org.id,
    org.legacy
   FROM org;
