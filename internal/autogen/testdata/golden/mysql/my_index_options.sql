-- upgrade
DROP INDEX `ft_body` ON `doc`;

DROP INDEX `ix_hidden` ON `doc`;

DROP INDEX `ix_n` ON `doc`;

DROP INDEX `ix_slug` ON `doc`;

DROP INDEX `ix_title` ON `doc`;

CREATE FULLTEXT INDEX `ft_title` ON `doc` (`title`, `body`) COMMENT 'search';

CREATE INDEX `ix_hidden` ON `doc` (`slug`, `n`) USING BTREE;

CREATE INDEX `ix_n` ON `doc` (`n`) USING HASH COMMENT 'kept' IGNORED;

CREATE INDEX `ix_slug` ON `doc` (`slug`) USING HASH COMMENT 'now hash';

CREATE INDEX `ix_title` ON `doc` (`title`(40)) COMMENT 'by title, longer';

DROP INDEX `sx_pt` ON `geo`;

ALTER TABLE `geo` ADD COLUMN `fresh` point REF_SYSTEM_ID=4326 AFTER `moved`;

ALTER TABLE `geo` MODIFY COLUMN `located` point;

ALTER TABLE `geo` MODIFY COLUMN `moved` point REF_SYSTEM_ID=3857 NOT NULL;

CREATE SPATIAL INDEX `sx_area` ON `geo` (`area`) COMMENT 'areas';

CREATE SPATIAL INDEX `sx_shape` ON `geo` (`shape`);

DROP INDEX `ix_k` ON `mem`;

DROP INDEX `ix_v` ON `mem`;

CREATE INDEX `ix_k` ON `mem` (`k`) USING BTREE;

CREATE INDEX `ix_kv` ON `mem` (`k`, `v`);

CREATE INDEX `ix_v` ON `mem` (`v`) USING HASH;

-- downgrade
DROP INDEX `ix_v` ON `mem`;

DROP INDEX `ix_kv` ON `mem`;

DROP INDEX `ix_k` ON `mem`;

CREATE INDEX `ix_v` ON `mem` (`v`) USING BTREE;

CREATE INDEX `ix_k` ON `mem` (`k`);

DROP INDEX `sx_shape` ON `geo`;

DROP INDEX `sx_area` ON `geo`;

ALTER TABLE `geo` MODIFY COLUMN `moved` point REF_SYSTEM_ID=4326 NOT NULL;

ALTER TABLE `geo` MODIFY COLUMN `located` point REF_SYSTEM_ID=4326;

-- REVIEW: drops column geo.fresh and its data
ALTER TABLE `geo` DROP COLUMN `fresh`;

CREATE SPATIAL INDEX `sx_pt` ON `geo` (`pt`);

DROP INDEX `ix_title` ON `doc`;

DROP INDEX `ix_slug` ON `doc`;

DROP INDEX `ix_n` ON `doc`;

DROP INDEX `ix_hidden` ON `doc`;

DROP INDEX `ft_title` ON `doc`;

CREATE INDEX `ix_title` ON `doc` (`title`(20)) COMMENT 'by title';

CREATE INDEX `ix_slug` ON `doc` (`slug`) USING BTREE;

CREATE INDEX `ix_n` ON `doc` (`n`) USING HASH COMMENT 'kept';

CREATE INDEX `ix_hidden` ON `doc` (`slug`, `n`) USING BTREE IGNORED;

CREATE FULLTEXT INDEX `ft_body` ON `doc` (`body`);
