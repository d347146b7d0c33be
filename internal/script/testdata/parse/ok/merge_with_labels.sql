-- Merge the billing and accounts branches.
--
-- Both branches touched the users table; this merge point
-- orders them.
--
-- Revision ID: 53fffde5ad5c
-- Revises: ae1027a6acf0, 27c6a30d7c24
-- Create Date: 2026-11-25 18:08:55.605101+00:00
-- Branch Labels: shoppingcart, billing
-- Depends On: 1975ea83b712, accounts
-- Reviewed-by: someone (free text after the fields is kept in the doc)

-- +retort upgrade

-- +retort downgrade
