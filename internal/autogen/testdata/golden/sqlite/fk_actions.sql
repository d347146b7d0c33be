-- upgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table dept (SQLite cannot ALTER this: add foreign key "fk_dept_head" (head_id) → emp(id); table definition); its rows are copied
ALTER TABLE dept RENAME TO _retort_old_dept;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER, CONSTRAINT fk_dept_head FOREIGN KEY (head_id) REFERENCES emp (id) ON DELETE SET NULL);

-- REVIEW: adds foreign key dept (head_id) -> emp: fails if an existing row references no row of emp (PRAGMA foreign_key_check)
INSERT INTO dept (id, head_id) SELECT id, head_id FROM _retort_old_dept;

DROP TABLE _retort_old_dept;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table emp (SQLite cannot ALTER this: drop foreign key "fk_emp_dept" (dept_id); add foreign key "fk_emp_dept" (dept_id) → dept(id); table definition); its rows are copied
ALTER TABLE emp RENAME TO _retort_old_emp;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE emp (id INTEGER NOT NULL PRIMARY KEY, dept_id INTEGER, CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id) ON DELETE CASCADE ON UPDATE CASCADE);

-- REVIEW: adds foreign key emp (dept_id) -> dept: fails if an existing row references no row of dept (PRAGMA foreign_key_check)
INSERT INTO emp (id, dept_id) SELECT id, dept_id FROM _retort_old_emp;

DROP TABLE _retort_old_emp;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table store (SQLite cannot ALTER this: add foreign key "fk_store_region" (country, code) → region(country, code); table definition); its rows are copied
ALTER TABLE store RENAME TO _retort_old_store;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE store (id INTEGER NOT NULL PRIMARY KEY, country CHAR(2), code VARCHAR(5), CONSTRAINT fk_store_region FOREIGN KEY (country, code) REFERENCES region (country, code) ON DELETE SET NULL);

-- REVIEW: adds foreign key store (country, code) -> region: fails if an existing row references no row of region (PRAGMA foreign_key_check)
INSERT INTO store (id, country, code) SELECT id, country, code FROM _retort_old_store;

DROP TABLE _retort_old_store;

-- downgrade
-- Rebuilding tables. retort switches foreign keys off before this revision's transaction
-- begins (this PRAGMA is a no-op inside it), checks them with PRAGMA foreign_key_check
-- before the revision is recorded, and switches them back on after: a failure rolls back.
PRAGMA foreign_keys = OFF;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table store (SQLite cannot ALTER this: table definition; drop foreign key "fk_store_region" (country, code)); its rows are copied
ALTER TABLE store RENAME TO _retort_old_store;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE store (id INTEGER NOT NULL PRIMARY KEY, country CHAR(2), code VARCHAR(5));

INSERT INTO store (id, country, code) SELECT id, country, code FROM _retort_old_store;

DROP TABLE _retort_old_store;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table emp (SQLite cannot ALTER this: table definition; drop foreign key "fk_emp_dept" (dept_id); add foreign key "fk_emp_dept" (dept_id) → dept(id)); its rows are copied
ALTER TABLE emp RENAME TO _retort_old_emp;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE emp (id INTEGER NOT NULL PRIMARY KEY, dept_id INTEGER, CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id));

-- REVIEW: adds foreign key emp (dept_id) -> dept: fails if an existing row references no row of dept (PRAGMA foreign_key_check)
INSERT INTO emp (id, dept_id) SELECT id, dept_id FROM _retort_old_emp;

DROP TABLE _retort_old_emp;

PRAGMA legacy_alter_table = ON;

-- REVIEW: rebuilds table dept (SQLite cannot ALTER this: table definition; drop foreign key "fk_dept_head" (head_id)); its rows are copied
ALTER TABLE dept RENAME TO _retort_old_dept;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER);

INSERT INTO dept (id, head_id) SELECT id, head_id FROM _retort_old_dept;

DROP TABLE _retort_old_dept;
