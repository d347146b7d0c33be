-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table c (SQLite cannot ALTER this: drop foreign key "c_p_fk_old" (p_id); add foreign key "c_p_fk_new" (p_id) → p(id); table definition); its rows are copied
ALTER TABLE c RENAME TO _retort_old_c;

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, CONSTRAINT c_p_fk_new FOREIGN KEY (p_id) REFERENCES p (id));

INSERT INTO c (id, p_id) SELECT id, p_id FROM _retort_old_c;

DROP TABLE _retort_old_c;

-- REVIEW: rebuilds table p (SQLite cannot ALTER this: rename primary key constraint "p_pk_old" to "p_pk_new"; rename unique constraint "p_code_old" to "p_code_new"; rename check constraint "p_code_ck_old" to "p_code_ck_new"; table definition); its rows are copied
ALTER TABLE p RENAME TO _retort_old_p;

CREATE TABLE p (id INTEGER NOT NULL, code INTEGER, CONSTRAINT p_pk_new PRIMARY KEY (id), CONSTRAINT p_code_new UNIQUE (code), CONSTRAINT p_code_ck_new CHECK (code > 0));

INSERT INTO p (id, code) SELECT id, code FROM _retort_old_p;

DROP TABLE _retort_old_p;

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

-- REVIEW: rebuilds table p (SQLite cannot ALTER this: table definition; rename check constraint "p_code_ck_new" to "p_code_ck_old"; rename unique constraint "p_code_new" to "p_code_old"; rename primary key constraint "p_pk_new" to "p_pk_old"); its rows are copied
ALTER TABLE p RENAME TO _retort_old_p;

CREATE TABLE p (id INTEGER NOT NULL, code INTEGER, CONSTRAINT p_pk_old PRIMARY KEY (id), CONSTRAINT p_code_old UNIQUE (code), CONSTRAINT p_code_ck_old CHECK (code > 0));

INSERT INTO p (id, code) SELECT id, code FROM _retort_old_p;

DROP TABLE _retort_old_p;

-- REVIEW: rebuilds table c (SQLite cannot ALTER this: table definition; drop foreign key "c_p_fk_new" (p_id); add foreign key "c_p_fk_old" (p_id) → p(id)); its rows are copied
ALTER TABLE c RENAME TO _retort_old_c;

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER, CONSTRAINT c_p_fk_old FOREIGN KEY (p_id) REFERENCES p (id));

INSERT INTO c (id, p_id) SELECT id, p_id FROM _retort_old_c;

DROP TABLE _retort_old_c;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
