-- M
--
-- Revision ID: abc

-- +retort upgrade
CREATE TABLE a (id int);
-- +retort empty
