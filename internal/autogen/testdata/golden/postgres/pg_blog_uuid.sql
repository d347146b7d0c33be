-- upgrade
DROP VIEW post_authors;

ALTER TABLE post DROP CONSTRAINT post_author_id_fkey;

ALTER TABLE author DROP CONSTRAINT author_handle_key;

ALTER TABLE author ALTER COLUMN handle TYPE character varying(40);

-- REVIEW: fails if author.meta holds NULLs
ALTER TABLE author ALTER COLUMN meta SET NOT NULL;

ALTER TABLE author ALTER COLUMN meta SET DEFAULT '{}'::jsonb;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE author ADD CONSTRAINT author_handle_key UNIQUE (handle) DEFERRABLE INITIALLY DEFERRED;

COMMENT ON TABLE author IS 'who writes';

ALTER TABLE post ADD COLUMN updated timestamp with time zone;

-- REVIEW: fails if post.tags holds NULLs
ALTER TABLE post ALTER COLUMN tags SET NOT NULL;

ALTER TABLE post ALTER COLUMN tags SET DEFAULT '{}'::text[];

ALTER TABLE post ALTER COLUMN rating TYPE numeric(4,2);

CREATE INDEX post_recent ON post (author_id, created DESC);

CREATE INDEX post_tags ON post USING gin (tags);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE post ADD CONSTRAINT post_rating_check CHECK (rating >= 0::numeric AND rating <= 5::numeric);

ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE;

CREATE VIEW post_authors AS
SELECT p.id,
    a.handle,
    p.rating
   FROM post p
     JOIN author a ON a.id = p.author_id;

-- downgrade
DROP VIEW post_authors;

ALTER TABLE post DROP CONSTRAINT post_author_id_fkey;

ALTER TABLE post DROP CONSTRAINT post_rating_check;

DROP INDEX post_tags;

DROP INDEX post_recent;

-- REVIEW: changes the type of post.rating from numeric(4,2) to numeric(3,1): fails or loses data if existing values do not fit
ALTER TABLE post ALTER COLUMN rating TYPE numeric(3,1);

ALTER TABLE post ALTER COLUMN tags DROP DEFAULT;

ALTER TABLE post ALTER COLUMN tags DROP NOT NULL;

-- REVIEW: drops column post.updated and its data
ALTER TABLE post DROP COLUMN updated;

COMMENT ON TABLE author IS NULL;

ALTER TABLE author DROP CONSTRAINT author_handle_key;

ALTER TABLE author ALTER COLUMN meta DROP DEFAULT;

ALTER TABLE author ALTER COLUMN meta DROP NOT NULL;

-- REVIEW: changes the type of author.handle from character varying(40) to character varying(30): fails or loses data if existing values do not fit
ALTER TABLE author ALTER COLUMN handle TYPE character varying(30);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE author ADD CONSTRAINT author_handle_key UNIQUE (handle);

ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES author (id);

CREATE VIEW post_authors AS
SELECT p.id,
    a.handle
   FROM post p
     JOIN author a ON a.id = p.author_id;
