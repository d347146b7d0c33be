-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: modify column "nick": set NOT NULL, default (none) → 'anon'; modify column "age": drop NOT NULL, default 18 → (none); modify column "city": drop NOT NULL, default (none) → 'Paris'; modify column "score": set NOT NULL, default 5 → (none); table definition); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE profile (
    id INTEGER NOT NULL PRIMARY KEY,
    nick VARCHAR(30) NOT NULL DEFAULT 'anon',
    age INTEGER,
    city VARCHAR(40) DEFAULT 'Paris',
    score INTEGER NOT NULL
);

-- REVIEW: fails if profile.nick holds NULLs
-- REVIEW: fails if profile.score holds NULLs
INSERT INTO profile (id, nick, age, city, score) SELECT id, nick, age, city, score FROM _retort_old_profile;

DROP TABLE _retort_old_profile;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: table definition; modify column "score": drop NOT NULL, default (none) → 5; modify column "city": set NOT NULL, default 'Paris' → (none); modify column "age": set NOT NULL, default (none) → 18; modify column "nick": drop NOT NULL, default 'anon' → (none)); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE profile (
    id INTEGER NOT NULL PRIMARY KEY,
    nick VARCHAR(30),
    age INTEGER NOT NULL DEFAULT 18,
    city VARCHAR(40) NOT NULL,
    score INTEGER DEFAULT 5
);

-- REVIEW: fails if profile.city holds NULLs
-- REVIEW: fails if profile.age holds NULLs
INSERT INTO profile (id, nick, age, city, score) SELECT id, nick, age, city, score FROM _retort_old_profile;

DROP TABLE _retort_old_profile;
