-- SQLite: a trigger with a BEGIN … END body.
--
-- Revision ID: 5a1e00000001
-- Revises:
-- Create Date: 2026-11-25 21:00:00
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, -- a comment; with a semicolon
    balance INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE audit (msg TEXT NOT NULL);

/* The body holds semicolons, a CASE … END
   and strings with ';' and quotes. */
CREATE TRIGGER account_audit AFTER INSERT ON account
BEGIN
    INSERT INTO audit VALUES ('insert; ' || NEW.name || ' it''s');
    INSERT INTO audit VALUES (CASE WHEN NEW.balance < 0 THEN 'negative; careful' ELSE 'ok' END);
END;

INSERT INTO account (name, balance) VALUES ('semi;colon', -1);
INSERT INTO "account" ("name") VALUES ('plain')

-- +retort downgrade
DROP TRIGGER account_audit;
DROP TABLE audit;
DROP TABLE account;
