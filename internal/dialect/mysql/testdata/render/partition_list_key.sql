-- up
-- review: drops partition c of ev and the rows it holds
ALTER TABLE `ev` DROP PARTITION `c`;
ALTER TABLE `ev` ADD PARTITION (PARTITION `y`);
-- down
-- review: redistributes the rows of partition y of ev
ALTER TABLE `ev` COALESCE PARTITION 1;
ALTER TABLE `ev` ADD PARTITION (PARTITION `c` VALUES IN ('c'));
