-- Add a.
--
-- Revision ID: a12345678901234567890123456789012345678901234567890ab
-- Revises: 
-- Depends On: 

-- +retort upgrade
SELECT 1;
