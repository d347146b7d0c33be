-- add the publishing platforms
--
-- Revision ID: 6d41c0b9e2a8
-- Revises: 31b5a20245b3
-- Create Date: 2026-11-25 21:45:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
INSERT INTO platforms (id, name) VALUES
    ('0b7c6f9e-3c1d-4f0a-9a51-5f8d2e1c4b01', 'mastodon'),
    ('6a2e4d8c-1f3b-4c5e-8d7a-9b0c1e2f3a04', 'bluesky');

-- +retort downgrade
DELETE FROM platforms WHERE name IN ('mastodon', 'bluesky');
