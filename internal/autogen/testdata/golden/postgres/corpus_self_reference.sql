-- upgrade
ALTER TABLE nodes DROP CONSTRAINT nodes_sibling;

-- REVIEW: drops column nodes.depth and its data
ALTER TABLE nodes DROP COLUMN depth;

ALTER TABLE nodes ADD CONSTRAINT nodes_parent FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE;

ALTER TABLE nodes ADD CONSTRAINT nodes_sibling FOREIGN KEY (sibling_id) REFERENCES nodes (id) ON DELETE SET NULL;

-- downgrade
ALTER TABLE nodes DROP CONSTRAINT nodes_sibling;

ALTER TABLE nodes DROP CONSTRAINT nodes_parent;

ALTER TABLE nodes ADD COLUMN depth integer;

ALTER TABLE nodes ADD CONSTRAINT nodes_sibling FOREIGN KEY (sibling_id) REFERENCES nodes (id);
