-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table prefs (SQLite cannot ALTER this: modify column "theme": set NOT NULL, default 'light' → (none); modify column "size": drop NOT NULL, default (none) → 14; modify column "lang": default 'en' → 'en-US'; table definition); its rows are copied
ALTER TABLE prefs RENAME TO _retort_old_prefs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE prefs (id INTEGER NOT NULL PRIMARY KEY, theme VARCHAR(10) NOT NULL, size INTEGER DEFAULT 14, lang VARCHAR(5) NOT NULL DEFAULT 'en-US');

-- REVIEW: fails if prefs.theme holds NULLs
INSERT INTO prefs (id, theme, size, lang) SELECT id, theme, size, lang FROM _retort_old_prefs;

DROP TABLE _retort_old_prefs;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table prefs (SQLite cannot ALTER this: table definition; modify column "lang": default 'en-US' → 'en'; modify column "size": set NOT NULL, default 14 → (none); modify column "theme": drop NOT NULL, default (none) → 'light'); its rows are copied
ALTER TABLE prefs RENAME TO _retort_old_prefs;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE prefs (id INTEGER NOT NULL PRIMARY KEY, theme VARCHAR(10) DEFAULT 'light', size INTEGER NOT NULL, lang VARCHAR(5) NOT NULL DEFAULT 'en');

-- REVIEW: fails if prefs.size holds NULLs
INSERT INTO prefs (id, theme, size, lang) SELECT id, theme, size, lang FROM _retort_old_prefs;

DROP TABLE _retort_old_prefs;
