-- Add a.
--
-- Revises:
-- Create Date: 2024-03-12 10:00:00

-- +retort upgrade
CREATE TABLE a (id int);
