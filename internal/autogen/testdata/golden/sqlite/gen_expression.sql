-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table g (SQLite cannot ALTER this: modify column "total": generation expression; modify column "label": type TEXT → INTEGER, generation expression; table definition); its rows are copied
ALTER TABLE g RENAME TO _retort_old_g;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE g (id INTEGER NOT NULL PRIMARY KEY, price INTEGER, qty INTEGER,
  total INTEGER GENERATED ALWAYS AS (price * qty + 1) STORED,
  label INTEGER GENERATED ALWAYS AS (price + 2) VIRTUAL);

INSERT INTO g (id, price, qty) SELECT id, price, qty FROM _retort_old_g;

DROP TABLE _retort_old_g;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table g (SQLite cannot ALTER this: table definition; modify column "label": type INTEGER → TEXT, generation expression; modify column "total": generation expression); its rows are copied
ALTER TABLE g RENAME TO _retort_old_g;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE g (id INTEGER NOT NULL PRIMARY KEY, price INTEGER, qty INTEGER,
  total INTEGER GENERATED ALWAYS AS (price * qty) STORED,
  label TEXT GENERATED ALWAYS AS (price + 1) VIRTUAL);

-- REVIEW: changes the type of g.label from INTEGER to TEXT: values are stored with TEXT affinity as they are copied, so numbers become their text (1.50 is stored as '1.5')
INSERT INTO g (id, price, qty) SELECT id, price, qty FROM _retort_old_g;

DROP TABLE _retort_old_g;
