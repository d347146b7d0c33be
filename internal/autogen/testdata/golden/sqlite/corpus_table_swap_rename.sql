-- upgrade
ALTER TABLE archive RENAME TO old_posts;

ALTER TABLE drafts RENAME TO _retort_tmp_drafts;

ALTER TABLE posts RENAME TO drafts;

ALTER TABLE _retort_tmp_drafts RENAME TO posts;

-- downgrade
ALTER TABLE posts RENAME TO _retort_tmp_drafts;

ALTER TABLE drafts RENAME TO posts;

ALTER TABLE _retort_tmp_drafts RENAME TO drafts;

ALTER TABLE old_posts RENAME TO archive;
