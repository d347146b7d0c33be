-- Add a.
--
-- Revision ID: sub\dir
-- Revises: 
-- Depends On: 

-- +retort upgrade
SELECT 1;
