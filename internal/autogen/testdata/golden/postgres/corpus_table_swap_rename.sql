-- upgrade
ALTER TABLE archive RENAME TO old_posts;

ALTER TABLE posts RENAME TO _retort_tmp_posts;

ALTER TABLE drafts RENAME TO posts;

ALTER TABLE _retort_tmp_posts RENAME TO drafts;

ALTER TABLE posts RENAME CONSTRAINT drafts_pkey TO _retort_tmp_drafts_pkey;

ALTER TABLE drafts RENAME CONSTRAINT posts_pkey TO drafts_pkey;

ALTER TABLE old_posts RENAME CONSTRAINT archive_pkey TO old_posts_pkey;

ALTER TABLE posts RENAME CONSTRAINT _retort_tmp_drafts_pkey TO posts_pkey;

-- downgrade
ALTER TABLE posts RENAME CONSTRAINT posts_pkey TO _retort_tmp_drafts_pkey;

ALTER TABLE old_posts RENAME CONSTRAINT old_posts_pkey TO archive_pkey;

ALTER TABLE drafts RENAME CONSTRAINT drafts_pkey TO posts_pkey;

ALTER TABLE posts RENAME CONSTRAINT _retort_tmp_drafts_pkey TO drafts_pkey;

ALTER TABLE drafts RENAME TO _retort_tmp_posts;

ALTER TABLE posts RENAME TO drafts;

ALTER TABLE _retort_tmp_posts RENAME TO posts;

ALTER TABLE old_posts RENAME TO archive;
