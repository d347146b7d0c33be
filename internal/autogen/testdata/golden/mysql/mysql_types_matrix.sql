-- upgrade
ALTER TABLE `tm` MODIFY COLUMN `id` int(10) unsigned NOT NULL;

ALTER TABLE `tm` MODIFY COLUMN `code` int(8) unsigned zerofill;

-- REVIEW: sets NOT NULL on tm.y: fails if it holds NULLs
ALTER TABLE `tm` MODIFY COLUMN `y` year(4) NOT NULL DEFAULT 2000;

ALTER TABLE `tm` MODIFY COLUMN `t` time(3);

-- REVIEW: sets NOT NULL on tm.uid: fails if it holds NULLs
ALTER TABLE `tm` MODIFY COLUMN `uid` binary(16) NOT NULL DEFAULT '0000000000000000';

-- REVIEW: changes the type of tm.raw from varbinary(32) to varbinary(64): fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `raw` varbinary(64);

-- REVIEW: changes the type of tm.f from float to float(7,3): fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `f` float(7,3);

-- REVIEW: changes the type of tm.note from tinytext to text: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `note` text;

-- REVIEW: changes the type of tm.blobby from blob to longblob: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `blobby` longblob;

ALTER TABLE `tm` MODIFY COLUMN `flag` tinyint(1) DEFAULT 0;

-- REVIEW: changes the type of tm.cnt from int(10) unsigned to int(11): fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `cnt` int(11) DEFAULT 0;

-- downgrade
-- REVIEW: changes the type of tm.cnt from int(11) to int(10) unsigned: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `cnt` int(10) unsigned DEFAULT 0;

ALTER TABLE `tm` MODIFY COLUMN `flag` tinyint(1) DEFAULT 1;

-- REVIEW: changes the type of tm.blobby from longblob to blob: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `blobby` blob;

-- REVIEW: changes the type of tm.note from text to tinytext: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `note` tinytext;

-- REVIEW: changes the type of tm.f from float(7,3) to float: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `f` float;

-- REVIEW: changes the type of tm.raw from varbinary(64) to varbinary(32): fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `raw` varbinary(32);

ALTER TABLE `tm` MODIFY COLUMN `uid` binary(16);

-- REVIEW: changes the type of tm.t from time(3) to time: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `t` time;

ALTER TABLE `tm` MODIFY COLUMN `y` year(4);

ALTER TABLE `tm` MODIFY COLUMN `code` int(6) unsigned zerofill;

-- REVIEW: changes the type of tm.id from int(10) unsigned to mediumint(8) unsigned: fails or truncates if existing values do not fit
ALTER TABLE `tm` MODIFY COLUMN `id` mediumint(8) unsigned NOT NULL;
