-- upgrade
ALTER TABLE `items` RENAME INDEX `items_qty` TO `Items_Qty`;

ALTER TABLE `items` RENAME INDEX `items_sku` TO `ITEMS_SKU`;

-- downgrade
ALTER TABLE `items` RENAME INDEX `ITEMS_SKU` TO `items_sku`;

ALTER TABLE `items` RENAME INDEX `Items_Qty` TO `items_qty`;
