-- merge ae1 and 27c
--
-- Revision ID: 53fffde5ad5c
-- Revises: ae1027a6acf0, 27c6a30d7c24
-- Create Date: 2026-11-25 18:08:55.605101+00:00
-- Branch Labels: shoppingcart, billing
-- Depends On: 1975ea83b712, accounts

-- +retort upgrade
-- Write the upgrade SQL here (a revision meant to do nothing says so with a line "-- +retort empty").

-- +retort downgrade
-- Write the downgrade SQL here.
