-- upgrade
ALTER TABLE comment DROP CONSTRAINT comment_post_id_fkey;

ALTER TABLE post DROP CONSTRAINT post_author_id_fkey;

CREATE TABLE tag (
    id integer NOT NULL,
    "Label" character varying(30) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT "tag_Label_key" UNIQUE ("Label")
);

CREATE TABLE post_tag (
    post_id integer NOT NULL,
    tag_id integer NOT NULL,
    PRIMARY KEY (post_id, tag_id),
    CONSTRAINT post_tag_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE
);

ALTER TABLE comment ADD COLUMN parent_id integer;

CREATE INDEX "Ix_Comment_Parent" ON comment (parent_id);

ALTER TABLE post ADD COLUMN slug character varying(100);

ALTER TABLE post ALTER COLUMN published DROP DEFAULT;

ALTER TABLE post ALTER COLUMN published SET DEFAULT true;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE post ADD CONSTRAINT "UQ_post_slug" UNIQUE (author_id, slug);

ALTER TABLE "user" ALTER COLUMN "Name" TYPE character varying(60);

ALTER TABLE "user" ALTER COLUMN "order" SET DEFAULT 1;

-- REVIEW: drops column user.bio and its data
ALTER TABLE "user" DROP COLUMN bio;

ALTER TABLE comment ADD CONSTRAINT comment_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES comment (id) ON DELETE CASCADE;

ALTER TABLE comment ADD CONSTRAINT comment_post_id_fkey FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE;

ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES "user" (id) ON DELETE CASCADE;

ALTER TABLE post_tag ADD CONSTRAINT post_tag_post_id_fkey FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE;

-- downgrade
ALTER TABLE post_tag DROP CONSTRAINT post_tag_post_id_fkey;

ALTER TABLE post DROP CONSTRAINT post_author_id_fkey;

ALTER TABLE comment DROP CONSTRAINT comment_post_id_fkey;

ALTER TABLE comment DROP CONSTRAINT comment_parent_id_fkey;

ALTER TABLE "user" ADD COLUMN bio text;

ALTER TABLE "user" ALTER COLUMN "order" DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM "user" WHERE "Name" IS NOT NULL AND CAST(CAST("Name" AS character varying(40)) AS character varying(60)) IS DISTINCT FROM "Name") THEN RAISE EXCEPTION 'retort: user.Name holds values that character varying(40) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of user.Name from character varying(60) to character varying(40): strings longer than 40 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE "user" ALTER COLUMN "Name" TYPE character varying(40);

ALTER TABLE post DROP CONSTRAINT "UQ_post_slug";

ALTER TABLE post ALTER COLUMN published DROP DEFAULT;

ALTER TABLE post ALTER COLUMN published SET DEFAULT false;

-- REVIEW: drops column post.slug and its data
ALTER TABLE post DROP COLUMN slug;

DROP INDEX "Ix_Comment_Parent";

-- REVIEW: drops column comment.parent_id and its data
ALTER TABLE comment DROP COLUMN parent_id;

-- REVIEW: drops table post_tag and all its data
DROP TABLE post_tag;

-- REVIEW: drops table tag and all its data
DROP TABLE tag;

ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES "user" (id);

ALTER TABLE comment ADD CONSTRAINT comment_post_id_fkey FOREIGN KEY (post_id) REFERENCES post (id);
