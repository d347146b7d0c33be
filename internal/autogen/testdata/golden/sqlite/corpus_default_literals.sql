-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table settings (SQLite cannot ALTER this: modify column "label": default 'x' → 'it''s'; modify column "n": default 1 → 42; modify column "ratio": default 1.50 → 0.25; modify column "offs": default -1 → -10; modify column "note": default '' → (none); table definition); its rows are copied
ALTER TABLE settings RENAME TO _retort_old_settings;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE settings (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(20) DEFAULT 'it''s', n INTEGER DEFAULT 42, ratio DECIMAL(5,2) DEFAULT 0.25, offs INTEGER DEFAULT -10, note VARCHAR(20));

INSERT INTO settings (id, label, n, ratio, offs, note) SELECT id, label, n, ratio, offs, note FROM _retort_old_settings;

DROP TABLE _retort_old_settings;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table settings (SQLite cannot ALTER this: table definition; modify column "note": default (none) → ''; modify column "offs": default -10 → -1; modify column "ratio": default 0.25 → 1.50; modify column "n": default 42 → 1; modify column "label": default 'it''s' → 'x'); its rows are copied
ALTER TABLE settings RENAME TO _retort_old_settings;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE settings (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(20) DEFAULT 'x', n INTEGER DEFAULT 1, ratio DECIMAL(5,2) DEFAULT 1.50, offs INTEGER DEFAULT -1, note VARCHAR(20) DEFAULT '');

INSERT INTO settings (id, label, n, ratio, offs, note) SELECT id, label, n, ratio, offs, note FROM _retort_old_settings;

DROP TABLE _retort_old_settings;
