-- add publish_records table
--
-- Revision ID: 1f3a9c2b7d4e
-- Revises: 8e2d4b6a1c0f
-- Create Date: 2026-11-25 21:34:20.764214
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE "publish_records" (
  "id" UUID NOT NULL,
  "content_id" UUID NOT NULL,
  "platform" VARCHAR(50) NOT NULL,
  "status" VARCHAR(20) NOT NULL,
  "published_at" timestamp with time zone,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("content_id") REFERENCES "contents" ("id")
);

-- +retort downgrade
-- REVIEW: drops table publish_records and all its data
DROP TABLE publish_records;
