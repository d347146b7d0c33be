-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: drop foreign key "" (parent_id); modify column "label": set NOT NULL, default (none) → ''; add column "depth"; add foreign key "" (parent_id) → node(id); table definition); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id) ON DELETE SET NULL, label TEXT NOT NULL DEFAULT '', depth INTEGER GENERATED ALWAYS AS (CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END) STORED);

INSERT INTO node (id, parent_id, label) SELECT id, parent_id, label FROM _retort_old_node;

DROP TABLE _retort_old_node;

-- REVIEW: rebuilds table pair (SQLite cannot ALTER this: drop primary key (a, b); add primary key (b, a); table definition); its rows are copied
ALTER TABLE pair RENAME TO _retort_old_pair;

CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, v INTEGER, PRIMARY KEY (b, a)) WITHOUT ROWID;

INSERT INTO pair (a, b, v) SELECT a, b, v FROM _retort_old_pair;

DROP TABLE _retort_old_pair;

-- REVIEW: rebuilds table s (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE s RENAME TO _retort_old_s;

CREATE TABLE s (id INTEGER PRIMARY KEY, x INTEGER);

INSERT INTO s (id, x) SELECT id, x FROM _retort_old_s;

DROP TABLE _retort_old_s;

-- REVIEW: rebuilds table thing (SQLite cannot ALTER this: add column "owner_id"; add column "n"; add check constraint ""; add foreign key "" (owner_id) → owner(id); table definition); its rows are copied
ALTER TABLE thing RENAME TO _retort_old_thing;

CREATE TABLE thing (id INTEGER PRIMARY KEY, w INTEGER, owner_id INTEGER REFERENCES owner (id), n INTEGER CHECK (n > 0));

INSERT INTO thing (id, w) SELECT id, w FROM _retort_old_thing;

DROP TABLE _retort_old_thing;

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

-- REVIEW: rebuilds table thing (SQLite cannot ALTER this: table definition; drop foreign key "" (owner_id); drop check constraint ""; drop column "n"; drop column "owner_id"); its rows are copied
ALTER TABLE thing RENAME TO _retort_old_thing;

CREATE TABLE thing (id INTEGER PRIMARY KEY, w INTEGER);

INSERT INTO thing (id, w) SELECT id, w FROM _retort_old_thing;

DROP TABLE _retort_old_thing;

-- REVIEW: rebuilds table s (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE s RENAME TO _retort_old_s;

CREATE TABLE s (id INTEGER PRIMARY KEY, x INTEGER) STRICT;

INSERT INTO s (id, x) SELECT id, x FROM _retort_old_s;

DROP TABLE _retort_old_s;

-- REVIEW: rebuilds table pair (SQLite cannot ALTER this: table definition; drop primary key (b, a); add primary key (a, b)); its rows are copied
ALTER TABLE pair RENAME TO _retort_old_pair;

CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, v INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;

INSERT INTO pair (a, b, v) SELECT a, b, v FROM _retort_old_pair;

DROP TABLE _retort_old_pair;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: table definition; drop foreign key "" (parent_id); drop column "depth"; modify column "label": drop NOT NULL, default '' → (none); add foreign key "" (parent_id) → node(id)); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id) ON DELETE CASCADE, label TEXT);

INSERT INTO node (id, parent_id, label) SELECT id, parent_id, label FROM _retort_old_node;

DROP TABLE _retort_old_node;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
