-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: drop foreign key "" (parent_id); modify column "label": set NOT NULL, default (none) → ''; add column "depth"; add foreign key "" (parent_id) → node(id); table definition); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id) ON DELETE SET NULL, label TEXT NOT NULL DEFAULT '', depth INTEGER GENERATED ALWAYS AS (CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END) STORED);

-- REVIEW: fails if node.label holds NULLs
-- REVIEW: adds foreign key node (parent_id) -> node: fails if an existing row references no row of node (PRAGMA foreign_key_check)
INSERT INTO node (id, parent_id, label) SELECT id, parent_id, label FROM _retort_old_node;

DROP TABLE _retort_old_node;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pair (SQLite cannot ALTER this: drop primary key (a, b); add primary key (b, a); table definition); its rows are copied
ALTER TABLE pair RENAME TO _retort_old_pair;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, v INTEGER, PRIMARY KEY (b, a)) WITHOUT ROWID;

-- REVIEW: adds primary key (b, a) on pair: fails if existing rows hold duplicates
INSERT INTO pair (a, b, v) SELECT a, b, v FROM _retort_old_pair;

DROP TABLE _retort_old_pair;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table s (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE s RENAME TO _retort_old_s;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE s (id INTEGER PRIMARY KEY, x INTEGER);

INSERT INTO s (id, x) SELECT id, x FROM _retort_old_s;

DROP TABLE _retort_old_s;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table thing (SQLite cannot ALTER this: add column "owner_id"; add column "n"; add check constraint ""; add foreign key "" (owner_id) → owner(id); table definition); its rows are copied
ALTER TABLE thing RENAME TO _retort_old_thing;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE thing (id INTEGER PRIMARY KEY, w INTEGER, owner_id INTEGER REFERENCES owner (id), n INTEGER CHECK (n > 0));

-- REVIEW: adds check (n > 0) on thing: fails if existing rows violate the check
INSERT INTO thing (id, w) SELECT id, w FROM _retort_old_thing;

DROP TABLE _retort_old_thing;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table thing (SQLite cannot ALTER this: table definition; drop foreign key "" (owner_id); drop check constraint ""; drop column "n"; drop column "owner_id"); its rows are copied
ALTER TABLE thing RENAME TO _retort_old_thing;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE thing (id INTEGER PRIMARY KEY, w INTEGER);

-- REVIEW: drops column thing.n and its data
-- REVIEW: drops column thing.owner_id and its data
INSERT INTO thing (id, w) SELECT id, w FROM _retort_old_thing;

DROP TABLE _retort_old_thing;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table s (SQLite cannot ALTER this: table options: WITHOUT ROWID / STRICT); its rows are copied
ALTER TABLE s RENAME TO _retort_old_s;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE s (id INTEGER PRIMARY KEY, x INTEGER) STRICT;

-- REVIEW: makes s STRICT: fails if existing values do not fit their columns' types
INSERT INTO s (id, x) SELECT id, x FROM _retort_old_s;

DROP TABLE _retort_old_s;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table pair (SQLite cannot ALTER this: table definition; drop primary key (b, a); add primary key (a, b)); its rows are copied
ALTER TABLE pair RENAME TO _retort_old_pair;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE pair (a TEXT NOT NULL, b TEXT NOT NULL, v INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;

-- REVIEW: adds primary key (a, b) on pair: fails if existing rows hold duplicates
INSERT INTO pair (a, b, v) SELECT a, b, v FROM _retort_old_pair;

DROP TABLE _retort_old_pair;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table node (SQLite cannot ALTER this: table definition; drop foreign key "" (parent_id); drop column "depth"; modify column "label": drop NOT NULL, default '' → (none); add foreign key "" (parent_id) → node(id)); its rows are copied
ALTER TABLE node RENAME TO _retort_old_node;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id) ON DELETE CASCADE, label TEXT);

-- REVIEW: adds foreign key node (parent_id) -> node: fails if an existing row references no row of node (PRAGMA foreign_key_check)
INSERT INTO node (id, parent_id, label) SELECT id, parent_id, label FROM _retort_old_node;

DROP TABLE _retort_old_node;
