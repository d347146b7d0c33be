-- Initial schema.
--
-- Revision ID: 8e2d4b6a1c0f
-- Revises:
-- Create Date: 2024-03-01 09:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE contents (
    id UUID NOT NULL,
    title VARCHAR(255) NOT NULL,
    body TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE trends (
    id UUID NOT NULL,
    keyword VARCHAR(100) NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (id)
);

-- +retort downgrade
DROP TABLE trends;

DROP TABLE contents;
