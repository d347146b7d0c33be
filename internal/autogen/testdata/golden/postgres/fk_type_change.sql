-- upgrade
ALTER TABLE child DROP CONSTRAINT fk_child_parent;

ALTER TABLE child ALTER COLUMN parent_id TYPE bigint;

ALTER TABLE parent ALTER COLUMN id TYPE bigint;

ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id);

-- downgrade
ALTER TABLE child DROP CONSTRAINT fk_child_parent;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM parent WHERE id IS NOT NULL AND CAST(CAST(id AS integer) AS bigint) IS DISTINCT FROM id) THEN RAISE EXCEPTION 'retort: parent.id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of parent.id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE parent ALTER COLUMN id TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM child WHERE parent_id IS NOT NULL AND CAST(CAST(parent_id AS integer) AS bigint) IS DISTINCT FROM parent_id) THEN RAISE EXCEPTION 'retort: child.parent_id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of child.parent_id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE child ALTER COLUMN parent_id TYPE integer;

ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id);
