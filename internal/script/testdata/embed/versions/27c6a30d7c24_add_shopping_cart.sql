-- add shopping cart table
--
-- Revision ID: 27c6a30d7c24
-- Revises: ae1027a6acf0
-- Create Date: 2026-11-25 18:05:10.000001
-- Branch Labels: shoppingcart
-- Depends On:

-- +retort upgrade
CREATE TABLE shopping_cart (
    id INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id),
    PRIMARY KEY (id)
);

-- +retort downgrade
DROP TABLE shopping_cart;
