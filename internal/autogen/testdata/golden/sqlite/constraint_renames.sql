-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table c (SQLite cannot ALTER this: drop foreign key "c_p_fk_old" (p_id); add foreign key "c_p_fk_new" (p_id) → p(id); table definition); its rows are copied
ALTER TABLE c RENAME TO _retort_old_c;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, CONSTRAINT c_p_fk_new FOREIGN KEY (p_id) REFERENCES p (id));

-- REVIEW: adds foreign key c (p_id) -> p: fails if an existing row references no row of p (PRAGMA foreign_key_check)
INSERT INTO c (id, p_id) SELECT id, p_id FROM _retort_old_c;

DROP TABLE _retort_old_c;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table p (SQLite cannot ALTER this: rename primary key constraint "p_pk_old" to "p_pk_new"; rename unique constraint "p_code_old" to "p_code_new"; rename check constraint "p_code_ck_old" to "p_code_ck_new"; table definition); its rows are copied
ALTER TABLE p RENAME TO _retort_old_p;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE p (id INTEGER NOT NULL, code INTEGER, CONSTRAINT p_pk_new PRIMARY KEY (id), CONSTRAINT p_code_new UNIQUE (code), CONSTRAINT p_code_ck_new CHECK (code > 0));

INSERT INTO p (id, code) SELECT id, code FROM _retort_old_p;

DROP TABLE _retort_old_p;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table p (SQLite cannot ALTER this: table definition; rename check constraint "p_code_ck_new" to "p_code_ck_old"; rename unique constraint "p_code_new" to "p_code_old"; rename primary key constraint "p_pk_new" to "p_pk_old"); its rows are copied
ALTER TABLE p RENAME TO _retort_old_p;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE p (id INTEGER NOT NULL, code INTEGER, CONSTRAINT p_pk_old PRIMARY KEY (id), CONSTRAINT p_code_old UNIQUE (code), CONSTRAINT p_code_ck_old CHECK (code > 0));

INSERT INTO p (id, code) SELECT id, code FROM _retort_old_p;

DROP TABLE _retort_old_p;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table c (SQLite cannot ALTER this: table definition; drop foreign key "c_p_fk_new" (p_id); add foreign key "c_p_fk_old" (p_id) → p(id)); its rows are copied
ALTER TABLE c RENAME TO _retort_old_c;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, CONSTRAINT c_p_fk_old FOREIGN KEY (p_id) REFERENCES p (id));

-- REVIEW: adds foreign key c (p_id) -> p: fails if an existing row references no row of p (PRAGMA foreign_key_check)
INSERT INTO c (id, p_id) SELECT id, p_id FROM _retort_old_c;

DROP TABLE _retort_old_c;
