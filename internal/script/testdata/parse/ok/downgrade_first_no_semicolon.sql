
-- Sections in any order; the last statement needs no semicolon.
--
-- Revision ID: user_foo
-- Revises:
-- +retort downgrade
DROP TABLE a
-- +retort upgrade
CREATE TABLE a (id int)
