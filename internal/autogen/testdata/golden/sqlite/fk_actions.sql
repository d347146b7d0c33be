-- upgrade
-- +retort no-transaction
-- Rebuilding tables: foreign keys are off while rows are copied (not possible inside a transaction).
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE _retort_guard (foreign_keys_off INTEGER CHECK (foreign_keys_off = 0), foreign_key_violations INTEGER CHECK (foreign_key_violations = 0));

INSERT INTO _retort_guard (foreign_keys_off) SELECT foreign_keys FROM pragma_foreign_keys;

-- REVIEW: rebuilds table dept (SQLite cannot ALTER this: add foreign key "fk_dept_head" (head_id) → emp(id); table definition); its rows are copied
ALTER TABLE dept RENAME TO _retort_old_dept;

CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER, CONSTRAINT fk_dept_head FOREIGN KEY (head_id) REFERENCES emp (id) ON DELETE SET NULL);

INSERT INTO dept (id, head_id) SELECT id, head_id FROM _retort_old_dept;

DROP TABLE _retort_old_dept;

-- REVIEW: rebuilds table emp (SQLite cannot ALTER this: drop foreign key "fk_emp_dept" (dept_id); add foreign key "fk_emp_dept" (dept_id) → dept(id); table definition); its rows are copied
ALTER TABLE emp RENAME TO _retort_old_emp;

CREATE TABLE emp (id INTEGER NOT NULL PRIMARY KEY, dept_id INTEGER, CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id) ON DELETE CASCADE ON UPDATE CASCADE);

INSERT INTO emp (id, dept_id) SELECT id, dept_id FROM _retort_old_emp;

DROP TABLE _retort_old_emp;

-- REVIEW: rebuilds table store (SQLite cannot ALTER this: add foreign key "fk_store_region" (country, code) → region(country, code); table definition); its rows are copied
ALTER TABLE store RENAME TO _retort_old_store;

CREATE TABLE store (id INTEGER NOT NULL PRIMARY KEY, country CHAR(2), code VARCHAR(5), CONSTRAINT fk_store_region FOREIGN KEY (country, code) REFERENCES region (country, code) ON DELETE SET NULL);

INSERT INTO store (id, country, code) SELECT id, country, code FROM _retort_old_store;

DROP TABLE _retort_old_store;

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

-- REVIEW: rebuilds table store (SQLite cannot ALTER this: table definition; drop foreign key "fk_store_region" (country, code)); its rows are copied
ALTER TABLE store RENAME TO _retort_old_store;

CREATE TABLE store (id INTEGER NOT NULL PRIMARY KEY, country CHAR(2), code VARCHAR(5));

INSERT INTO store (id, country, code) SELECT id, country, code FROM _retort_old_store;

DROP TABLE _retort_old_store;

-- REVIEW: rebuilds table emp (SQLite cannot ALTER this: table definition; drop foreign key "fk_emp_dept" (dept_id); add foreign key "fk_emp_dept" (dept_id) → dept(id)); its rows are copied
ALTER TABLE emp RENAME TO _retort_old_emp;

CREATE TABLE emp (id INTEGER NOT NULL PRIMARY KEY, dept_id INTEGER, CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id));

INSERT INTO emp (id, dept_id) SELECT id, dept_id FROM _retort_old_emp;

DROP TABLE _retort_old_emp;

-- REVIEW: rebuilds table dept (SQLite cannot ALTER this: table definition; drop foreign key "fk_dept_head" (head_id)); its rows are copied
ALTER TABLE dept RENAME TO _retort_old_dept;

CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER);

INSERT INTO dept (id, head_id) SELECT id, head_id FROM _retort_old_dept;

DROP TABLE _retort_old_dept;

INSERT INTO _retort_guard (foreign_key_violations) SELECT count(*) FROM pragma_foreign_key_check;

DROP TABLE _retort_guard;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_keys = ON;
