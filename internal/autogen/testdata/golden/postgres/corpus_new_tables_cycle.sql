-- upgrade
CREATE TABLE emp (
    id integer NOT NULL,
    dept_id integer,
    PRIMARY KEY (id)
);

CREATE TABLE dept (
    id integer NOT NULL,
    head_id integer,
    base_id integer,
    PRIMARY KEY (id),
    CONSTRAINT dept_base_id_fkey FOREIGN KEY (base_id) REFERENCES base (id),
    CONSTRAINT dept_head FOREIGN KEY (head_id) REFERENCES emp (id)
);

CREATE TABLE assignment (
    emp_id integer NOT NULL,
    dept_id integer NOT NULL,
    PRIMARY KEY (emp_id, dept_id),
    CONSTRAINT assignment_dept_id_fkey FOREIGN KEY (dept_id) REFERENCES dept (id),
    CONSTRAINT assignment_emp_id_fkey FOREIGN KEY (emp_id) REFERENCES emp (id)
);

ALTER TABLE emp ADD CONSTRAINT emp_dept_id_fkey FOREIGN KEY (dept_id) REFERENCES dept (id);

-- downgrade
ALTER TABLE emp DROP CONSTRAINT emp_dept_id_fkey;

-- REVIEW: drops table assignment and all its data
DROP TABLE assignment;

-- REVIEW: drops table dept and all its data
DROP TABLE dept;

-- REVIEW: drops table emp and all its data
DROP TABLE emp;
