-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table devices (SQLite cannot ALTER this: add column "serial"; modify column "kind": set NOT NULL, default (none) → 'x'; add unique constraint "" (serial); table definition); its rows are copied
ALTER TABLE devices RENAME TO _retort_old_devices;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE devices (id INTEGER NOT NULL PRIMARY KEY, kind VARCHAR(10) NOT NULL DEFAULT 'x', serial VARCHAR(20) UNIQUE);

-- REVIEW: fails if devices.kind holds NULLs
INSERT INTO devices (id, kind) SELECT id, kind FROM _retort_old_devices;

DROP TABLE _retort_old_devices;

CREATE INDEX devices_kind ON devices (kind);

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table devices (SQLite cannot ALTER this: table definition; drop unique constraint ""; modify column "kind": drop NOT NULL, default 'x' → (none); drop column "serial"); its rows are copied
ALTER TABLE devices RENAME TO _retort_old_devices;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE devices (id INTEGER NOT NULL PRIMARY KEY, kind VARCHAR(10));

-- REVIEW: drops column devices.serial and its data
INSERT INTO devices (id, kind) SELECT id, kind FROM _retort_old_devices;

DROP TABLE _retort_old_devices;

CREATE INDEX devices_kind ON devices (kind);
