-- PostgreSQL: functions with $$ and $body$, BEGIN ATOMIC, DO, E'' strings.
--
-- Revision ID: 5a1e00000002
-- Revises:
-- Create Date: 2026-11-25 21:00:00
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE account (id serial PRIMARY KEY, name text NOT NULL, balance int NOT NULL DEFAULT 0);
CREATE TABLE audit (msg text NOT NULL);

CREATE FUNCTION account_audit() RETURNS trigger AS $$
BEGIN
    INSERT INTO audit VALUES ('insert; ' || NEW.name);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER account_audit AFTER INSERT ON account
FOR EACH ROW EXECUTE FUNCTION account_audit();

CREATE FUNCTION add_one(a int) RETURNS int LANGUAGE SQL
BEGIN ATOMIC
    SELECT a + 1;
END;

DO $body$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit) THEN
        RAISE NOTICE 'empty; fine $$';
    END IF;
END
$body$;

/* nested /* comment; */ still a comment; */
INSERT INTO account (name) VALUES (E'it\'s; quoted'), ('plain '';'' '), ($q$dollar; 'quoted'$q$);

-- +retort StatementBegin
CREATE FUNCTION two() RETURNS int AS 'SELECT 2' LANGUAGE sql;
-- +retort StatementEnd

-- +retort downgrade
DROP FUNCTION two();
DROP FUNCTION add_one(int);
DROP TRIGGER account_audit ON account;
DROP FUNCTION account_audit();
DROP TABLE audit;
DROP TABLE account;
