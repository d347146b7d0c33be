-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER tag_log;

DROP TRIGGER account_names_ins;

-- REVIEW: drops trigger gone on account: what it does on changes to account stops happening
DROP TRIGGER gone;

DROP TRIGGER account_touch;

DROP TRIGGER account_log;

DROP VIEW account_names;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: modify column "name": set NOT NULL, default (none) → ''; table definition); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', updated TEXT);

-- REVIEW: fails if account.name holds NULLs
INSERT INTO account (id, name, updated) SELECT id, name, updated FROM _retort_old_account;

DROP TABLE _retort_old_account;

ALTER TABLE log ADD COLUMN at TEXT;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tag (SQLite cannot ALTER this: modify column "label": type VARCHAR(10) → VARCHAR(40); table definition); its rows are copied
ALTER TABLE tag RENAME TO _retort_old_tag;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(40));

INSERT INTO tag (id, label) SELECT id, label FROM _retort_old_tag;

DROP TABLE _retort_old_tag;

CREATE VIEW account_names AS SELECT id, name FROM account WHERE name <> '';

-- +retort StatementBegin
CREATE TRIGGER account_log AFTER INSERT ON account WHEN new.name <> '' BEGIN INSERT INTO log (what) VALUES ('insert ' || new.name); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER account_touch AFTER UPDATE ON account BEGIN UPDATE account SET updated = 'now' WHERE id = new.id; END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER account_names_ins INSTEAD OF INSERT ON account_names BEGIN INSERT INTO account (id, name) VALUES (new.id, new.name); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER fresh BEFORE DELETE ON tag BEGIN SELECT RAISE(ABORT, 'tags stay'); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER tag_log AFTER INSERT ON tag BEGIN INSERT INTO log (what) SELECT label FROM tag WHERE id = new.id; END;
-- +retort StatementEnd

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

DROP TRIGGER tag_log;

-- REVIEW: drops trigger fresh on tag: what it does on changes to tag stops happening
DROP TRIGGER fresh;

DROP TRIGGER account_names_ins;

DROP TRIGGER account_touch;

DROP TRIGGER account_log;

DROP VIEW account_names;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table tag (SQLite cannot ALTER this: table definition; modify column "label": type VARCHAR(40) → VARCHAR(10)); its rows are copied
ALTER TABLE tag RENAME TO _retort_old_tag;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(10));

INSERT INTO tag (id, label) SELECT id, label FROM _retort_old_tag;

DROP TABLE _retort_old_tag;

-- REVIEW: drops column log.at and its data
ALTER TABLE log DROP COLUMN at;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table account (SQLite cannot ALTER this: table definition; modify column "name": drop NOT NULL, default '' → (none)); its rows are copied
ALTER TABLE account RENAME TO _retort_old_account;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT, updated TEXT);

INSERT INTO account (id, name, updated) SELECT id, name, updated FROM _retort_old_account;

DROP TABLE _retort_old_account;

CREATE VIEW account_names AS SELECT id, name FROM account;

-- +retort StatementBegin
CREATE TRIGGER account_log AFTER INSERT ON account BEGIN INSERT INTO log (what) VALUES ('insert ' || new.name); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER account_touch AFTER UPDATE ON account BEGIN UPDATE account SET updated = 'now' WHERE id = new.id; END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER gone AFTER DELETE ON account BEGIN INSERT INTO log (what) VALUES ('delete'); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER account_names_ins INSTEAD OF INSERT ON account_names BEGIN INSERT INTO account (id, name) VALUES (new.id, new.name); END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE TRIGGER tag_log AFTER INSERT ON tag BEGIN INSERT INTO log (what) SELECT label FROM tag WHERE id = new.id; END;
-- +retort StatementEnd
