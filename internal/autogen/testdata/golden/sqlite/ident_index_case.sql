-- upgrade
DROP INDEX items_qty;

CREATE INDEX Items_Qty ON items (qty);

DROP INDEX items_sku;

CREATE UNIQUE INDEX ITEMS_SKU ON items (sku);

-- downgrade
DROP INDEX "ITEMS_SKU";

CREATE UNIQUE INDEX items_sku ON items (sku);

DROP INDEX "Items_Qty";

CREATE INDEX items_qty ON items (qty);
