-- Add publish_records table.
--
-- Revision ID: 1f3a9c2b7d4e
-- Revises: 8e2d4b6a1c0f
-- Create Date: 2024-03-12 10:00:00.123456
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE publish_records (
    id UUID NOT NULL,
    PRIMARY KEY (id)
);

-- +retort downgrade
DROP TABLE publish_records;
