-- upgrade
-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE `post` DROP INDEX `author_id`, DROP INDEX `ix_post_editor_slug`, ADD INDEX `editor_id` (`editor_id`), ADD UNIQUE INDEX `uq_post_author_slug` (`author_id`, `slug`);

-- downgrade
ALTER TABLE `post` DROP INDEX `uq_post_author_slug`, DROP INDEX `editor_id`, ADD INDEX `ix_post_editor_slug` (`editor_id`, `slug`), ADD INDEX `author_id` (`author_id`);
