-- Add a.
--
-- Revision ID: a..b
-- Revises: 
-- Depends On: 

-- +retort upgrade
SELECT 1;
