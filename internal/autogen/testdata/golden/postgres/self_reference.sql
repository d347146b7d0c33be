-- upgrade
CREATE TABLE category (
    id integer NOT NULL,
    parent_id integer,
    PRIMARY KEY (id),
    CONSTRAINT category_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES category (id)
);

ALTER TABLE node ADD CONSTRAINT fk_node_parent FOREIGN KEY (parent_id) REFERENCES node (id);

-- downgrade
ALTER TABLE node DROP CONSTRAINT fk_node_parent;

-- REVIEW: drops table category and all its data
DROP TABLE category;
