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

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM post WHERE rating IS NOT NULL AND CAST(CAST(rating AS numeric(3,1)) AS numeric(4,2)) IS DISTINCT FROM rating) THEN RAISE EXCEPTION 'retort: post.rating holds values that numeric(3,1) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of post.rating from numeric(4,2) to numeric(3,1): values of 3 or more digits before the point, or with more than 1 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE post ALTER COLUMN rating TYPE numeric(3,1);

ALTER TABLE post ALTER COLUMN tags DROP DEFAULT;

ALTER TABLE post ALTER COLUMN tags DROP NOT NULL;

-- REVIEW: drops column post.updated and its data
ALTER TABLE post DROP COLUMN updated;

COMMENT ON TABLE author IS NULL;

ALTER TABLE author DROP CONSTRAINT author_handle_key;

ALTER TABLE author ALTER COLUMN meta DROP DEFAULT;

ALTER TABLE author ALTER COLUMN meta DROP NOT NULL;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM author WHERE handle IS NOT NULL AND CAST(CAST(handle AS character varying(30)) AS character varying(40)) IS DISTINCT FROM handle) THEN RAISE EXCEPTION 'retort: author.handle holds values that character varying(30) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of author.handle from character varying(40) to character varying(30): strings longer than 30 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE author ALTER COLUMN handle TYPE character varying(30);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE author ADD CONSTRAINT author_handle_key UNIQUE (handle);

ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES author (id);

CREATE VIEW post_authors AS
SELECT p.id,
    a.handle
   FROM post p
     JOIN author a ON a.id = p.author_id;
