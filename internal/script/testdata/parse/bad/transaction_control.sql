-- Commit half-way.
--
-- Revision ID: abc

-- +retort upgrade
CREATE TABLE a (id int);
/* then */ Commit;
CREATE TABLE b (id int);

-- +retort downgrade
DROP TABLE b;
DROP TABLE a;
