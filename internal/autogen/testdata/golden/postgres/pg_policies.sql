-- upgrade
-- REVIEW: likely rename: table old_t is dropped (with its rows) and new_t added with the same columns. If it is a rename, generate again with --rename old_t=new_t

-- REVIEW: drops policy p on old_t: the rows it lets through or keeps out change
DROP POLICY p ON old_t;

DROP POLICY readers ON doc;

DROP POLICY own ON doc;

-- REVIEW: drops policy old on doc: the rows it lets through or keeps out change
DROP POLICY old ON doc;

CREATE TABLE new_t (
    id integer
);

ALTER TABLE new_t ENABLE ROW LEVEL SECURITY;

ALTER TABLE doc ADD COLUMN note text;

ALTER TABLE doc FORCE ROW LEVEL SECURITY;

-- REVIEW: drops table old_t and all its data
DROP TABLE old_t;

CREATE POLICY own ON doc AS PERMISSIVE FOR ALL TO PUBLIC USING (owner = CURRENT_USER) WITH CHECK (owner = CURRENT_USER AND id > 0);

COMMENT ON POLICY own ON doc IS 'the owner sees and writes all';

CREATE POLICY readers ON doc AS PERMISSIVE FOR SELECT TO PUBLIC USING (public OR (team IN ( SELECT team_member.team
   FROM team_member
  WHERE team_member.member = CURRENT_USER)));

CREATE POLICY writers ON doc AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (team IS NOT NULL);

COMMENT ON POLICY writers ON doc IS 'team docs only';

CREATE POLICY ins ON new_t AS PERMISSIVE FOR INSERT TO PUBLIC WITH CHECK (id < 100);

-- downgrade
-- REVIEW: drops policy ins on new_t: the rows it lets through or keeps out change
DROP POLICY ins ON new_t;

-- REVIEW: drops policy writers on doc: the rows it lets through or keeps out change
DROP POLICY writers ON doc;

DROP POLICY readers ON doc;

DROP POLICY own ON doc;

CREATE TABLE old_t (
    id integer
);

ALTER TABLE old_t ENABLE ROW LEVEL SECURITY;

ALTER TABLE old_t FORCE ROW LEVEL SECURITY;

ALTER TABLE doc NO FORCE ROW LEVEL SECURITY;

-- REVIEW: drops column doc.note and its data
ALTER TABLE doc DROP COLUMN note;

-- REVIEW: drops table new_t and all its data
DROP TABLE new_t;

CREATE POLICY old ON doc AS RESTRICTIVE FOR DELETE TO PUBLIC USING (false);

CREATE POLICY own ON doc AS PERMISSIVE FOR ALL TO PUBLIC USING (owner = CURRENT_USER);

COMMENT ON POLICY own ON doc IS 'owner sees all';

CREATE POLICY readers ON doc AS PERMISSIVE FOR SELECT TO postgres USING (public);

CREATE POLICY p ON old_t AS PERMISSIVE FOR ALL TO PUBLIC USING (id > 0);
