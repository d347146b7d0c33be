-- upgrade
CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER, base_id INTEGER REFERENCES base (id));

CREATE TABLE emp (id INTEGER NOT NULL PRIMARY KEY, dept_id INTEGER REFERENCES dept (id));

CREATE TABLE assignment (emp_id INTEGER NOT NULL REFERENCES emp (id), dept_id INTEGER NOT NULL REFERENCES dept (id), PRIMARY KEY (emp_id, dept_id));

-- downgrade
-- REVIEW: drops table assignment and all its data
DROP TABLE assignment;

-- REVIEW: drops table emp and all its data
DROP TABLE emp;

-- REVIEW: drops table dept and all its data
DROP TABLE dept;
