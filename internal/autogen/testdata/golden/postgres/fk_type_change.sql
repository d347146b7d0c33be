-- upgrade
ALTER TABLE child DROP CONSTRAINT fk_child_parent;

ALTER TABLE child ALTER COLUMN parent_id TYPE bigint;

ALTER TABLE parent ALTER COLUMN id TYPE bigint;

ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id);

-- downgrade
ALTER TABLE child DROP CONSTRAINT fk_child_parent;

-- REVIEW: changes the type of parent.id from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE parent ALTER COLUMN id TYPE integer;

-- REVIEW: changes the type of child.parent_id from bigint to integer: fails or loses data if existing values do not fit
ALTER TABLE child ALTER COLUMN parent_id TYPE integer;

ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id);
