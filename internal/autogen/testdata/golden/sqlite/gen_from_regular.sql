-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table g (SQLite cannot ALTER this: modify column "total": generation expression; table definition); its rows are copied
ALTER TABLE g RENAME TO _retort_old_g;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE g (id INTEGER NOT NULL PRIMARY KEY, price INTEGER, qty INTEGER,
  total INTEGER GENERATED ALWAYS AS (price * qty) STORED);

-- REVIEW: makes g.total a generated column: its stored values are replaced by the expression's
INSERT INTO g (id, price, qty) SELECT id, price, qty FROM _retort_old_g;

DROP TABLE _retort_old_g;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table g (SQLite cannot ALTER this: table definition; modify column "total": generation expression); its rows are copied
ALTER TABLE g RENAME TO _retort_old_g;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE g (id INTEGER NOT NULL PRIMARY KEY, price INTEGER, qty INTEGER, total INTEGER);

INSERT INTO g (id, price, qty, total) SELECT id, price, qty, total FROM _retort_old_g;

DROP TABLE _retort_old_g;
