-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: modify column "nick": set NOT NULL, default (none) → 'anon'; modify column "age": drop NOT NULL, default 18 → (none); modify column "city": drop NOT NULL, default (none) → 'Paris'; modify column "score": set NOT NULL, default 5 → (none); table definition); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

CREATE TABLE profile (
    id INTEGER NOT NULL PRIMARY KEY,
    nick VARCHAR(30) NOT NULL DEFAULT 'anon',
    age INTEGER,
    city VARCHAR(40) DEFAULT 'Paris',
    score INTEGER NOT NULL
);

INSERT INTO profile (id, nick, age, city, score) SELECT id, nick, age, city, score FROM _retort_old_profile;

DROP TABLE _retort_old_profile;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;

-- downgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table profile (SQLite cannot ALTER this: table definition; modify column "score": drop NOT NULL, default (none) → 5; modify column "city": set NOT NULL, default 'Paris' → (none); modify column "age": set NOT NULL, default (none) → 18; modify column "nick": drop NOT NULL, default 'anon' → (none)); its rows are copied
ALTER TABLE profile RENAME TO _retort_old_profile;

CREATE TABLE profile (
    id INTEGER NOT NULL PRIMARY KEY,
    nick VARCHAR(30),
    age INTEGER NOT NULL DEFAULT 18,
    city VARCHAR(40) NOT NULL,
    score INTEGER DEFAULT 5
);

INSERT INTO profile (id, nick, age, city, score) SELECT id, nick, age, city, score FROM _retort_old_profile;

DROP TABLE _retort_old_profile;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
