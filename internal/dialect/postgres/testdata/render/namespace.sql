-- up
CREATE SCHEMA shop;
-- down
-- review: drops schema shop
DROP SCHEMA shop;
