-- upgrade
ALTER TABLE emp DROP CONSTRAINT fk_emp_dept;

ALTER TABLE dept ADD CONSTRAINT fk_dept_head FOREIGN KEY (head_id) REFERENCES emp (id) ON DELETE SET NULL;

ALTER TABLE emp ADD CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE store ADD CONSTRAINT fk_store_region FOREIGN KEY (country, code) REFERENCES region (country, code) ON DELETE SET NULL;

-- downgrade
ALTER TABLE store DROP CONSTRAINT fk_store_region;

ALTER TABLE emp DROP CONSTRAINT fk_emp_dept;

ALTER TABLE dept DROP CONSTRAINT fk_dept_head;

ALTER TABLE emp ADD CONSTRAINT fk_emp_dept FOREIGN KEY (dept_id) REFERENCES dept (id);
