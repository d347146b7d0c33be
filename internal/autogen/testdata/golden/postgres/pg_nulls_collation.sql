-- upgrade
DROP VIEW all_tags;

ALTER TABLE tagging DROP CONSTRAINT tagging_tag_id_fkey;

ALTER TABLE tag ADD COLUMN color character varying(7);

ALTER TABLE tag ALTER COLUMN name TYPE text COLLATE "C";

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE tag ADD CONSTRAINT tag_name_scope UNIQUE NULLS NOT DISTINCT (name, scope);

ALTER TABLE tagging ADD CONSTRAINT tagging_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tag (id) DEFERRABLE INITIALLY DEFERRED;

CREATE VIEW all_tags AS
SELECT tag.id,
    tag.name,
    tag.scope,
    tag.color
   FROM tag;

-- downgrade
DROP VIEW all_tags;

ALTER TABLE tagging DROP CONSTRAINT tagging_tag_id_fkey;

ALTER TABLE tag DROP CONSTRAINT tag_name_scope;

ALTER TABLE tag ALTER COLUMN name TYPE text COLLATE "default";

-- REVIEW: drops column tag.color and its data
ALTER TABLE tag DROP COLUMN color;

ALTER TABLE tagging ADD CONSTRAINT tagging_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tag (id);

CREATE VIEW all_tags AS
SELECT tag.id,
    tag.name,
    tag.scope
   FROM tag;
