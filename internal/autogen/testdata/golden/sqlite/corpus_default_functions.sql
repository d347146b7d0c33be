-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table events (SQLite cannot ALTER this: add column "updated_at"; modify column "created_at": default (none) → CURRENT_TIMESTAMP; modify column "kind": default 'info' → 'notice'; modify column "n": default 0 → (none); table definition); its rows are copied
ALTER TABLE events RENAME TO _retort_old_events;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, kind VARCHAR(10) DEFAULT 'notice', n INTEGER, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);

INSERT INTO events (id, created_at, kind, n) SELECT id, created_at, kind, n FROM _retort_old_events;

DROP TABLE _retort_old_events;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table events (SQLite cannot ALTER this: table definition; modify column "n": default (none) → 0; modify column "kind": default 'notice' → 'info'; modify column "created_at": default CURRENT_TIMESTAMP → (none); drop column "updated_at"); its rows are copied
ALTER TABLE events RENAME TO _retort_old_events;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, created_at TIMESTAMP, kind VARCHAR(10) DEFAULT 'info', n INTEGER DEFAULT 0);

-- REVIEW: drops column events.updated_at and its data
INSERT INTO events (id, created_at, kind, n) SELECT id, created_at, kind, n FROM _retort_old_events;

DROP TABLE _retort_old_events;
