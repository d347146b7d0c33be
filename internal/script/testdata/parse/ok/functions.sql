-- Add audit triggers.
--
-- Revision ID: 0a1b2c3d4e5f
-- Revises: 9f8e7d6c5b4a
-- Create Date: 2026-01-02 03:04:05.000001

-- +retort upgrade
-- +retort no-transaction
CREATE FUNCTION audit() RETURNS trigger AS $body$
BEGIN
    INSERT INTO audit_log VALUES (TG_TABLE_NAME, now()); -- one row; per change
    RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

-- +retort StatementBegin
CREATE TRIGGER t_audit AFTER INSERT ON a
FOR EACH ROW EXECUTE FUNCTION audit();
-- +retort StatementEnd

INSERT INTO notes VALUES ('semicolons; in strings', E'it\'s', "quoted;ident");

-- +retort downgrade
DROP TRIGGER t_audit ON a;
DROP FUNCTION audit();
