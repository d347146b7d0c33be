-- upgrade
ALTER TABLE `archive` RENAME TO `old_posts`;

ALTER TABLE `posts` RENAME TO `_retort_tmp_posts`;

ALTER TABLE `drafts` RENAME TO `posts`;

ALTER TABLE `_retort_tmp_posts` RENAME TO `drafts`;

-- downgrade
ALTER TABLE `drafts` RENAME TO `_retort_tmp_posts`;

ALTER TABLE `posts` RENAME TO `drafts`;

ALTER TABLE `_retort_tmp_posts` RENAME TO `posts`;

ALTER TABLE `old_posts` RENAME TO `archive`;
