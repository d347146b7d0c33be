-- Add publish_records table.
--
-- Revision ID: 1f3a9c2b7d4e
-- Revises: 8e2d4b6a1c0f
-- Create Date: 2024-03-12 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE publish_records (
    id UUID NOT NULL,
    content_id UUID NOT NULL,
    platform VARCHAR(50) NOT NULL,
    status VARCHAR(20) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY (content_id) REFERENCES contents (id)
);

-- +retort downgrade
DROP TABLE publish_records;
