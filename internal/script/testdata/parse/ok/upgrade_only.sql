-- Seed data.
--
-- Revision ID: 5e6f7a8b9c0d
-- Revises: 0a1b2c3d4e5f

-- +retort upgrade
INSERT INTO a VALUES (1);
