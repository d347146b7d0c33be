-- M
--
-- Revision ID: abc

-- +retort upgrade
-- +retort empty
CREATE TABLE a (id int);
