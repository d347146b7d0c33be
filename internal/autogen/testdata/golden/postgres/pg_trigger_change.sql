-- upgrade
-- REVIEW: drops trigger audit.entry_touch on audit.entry: what it does on changes to audit.entry stops happening
DROP TRIGGER entry_touch ON audit.entry;

DROP TRIGGER account_names_insert ON account_names;

DROP TRIGGER account_shout ON account;

DROP VIEW account_names;

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated := clock_timestamp(); RETURN NEW; END $function$;
-- +retort StatementEnd

CREATE VIEW account_names AS
SELECT account.id,
    account.name
   FROM account
  WHERE account.name IS NOT NULL;

CREATE TRIGGER account_count AFTER INSERT ON account FOR EACH STATEMENT EXECUTE FUNCTION touch();

CREATE TRIGGER account_shout BEFORE INSERT OR UPDATE OF name ON account FOR EACH ROW WHEN (new.name IS NOT NULL) EXECUTE FUNCTION shout();

COMMENT ON TRIGGER account_touch ON account IS 'keeps updated current (clock)';

CREATE TRIGGER account_names_insert INSTEAD OF INSERT ON account_names FOR EACH ROW EXECUTE FUNCTION account_view_insert();

COMMENT ON TRIGGER account_names_insert ON account_names IS 'writes through';

-- downgrade
DROP TRIGGER account_names_insert ON account_names;

COMMENT ON TRIGGER account_touch ON account IS 'keeps updated current';

DROP TRIGGER account_shout ON account;

-- REVIEW: drops trigger account_count on account: what it does on changes to account stops happening
DROP TRIGGER account_count ON account;

DROP VIEW account_names;

-- +retort StatementBegin
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated := now(); RETURN NEW; END $function$;
-- +retort StatementEnd

CREATE VIEW account_names AS
SELECT account.id,
    account.name
   FROM account;

CREATE TRIGGER account_shout BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION shout();

CREATE TRIGGER account_names_insert INSTEAD OF INSERT ON account_names FOR EACH ROW EXECUTE FUNCTION account_view_insert();

CREATE TRIGGER entry_touch BEFORE INSERT ON audit.entry FOR EACH ROW EXECUTE FUNCTION shout();
