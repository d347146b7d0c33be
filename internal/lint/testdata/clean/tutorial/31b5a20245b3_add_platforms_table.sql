-- add platforms table
--
-- Revision ID: 31b5a20245b3
-- Revises: 5c7e1d9a3b20
-- Create Date: 2026-11-25 21:40:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE "platforms" (
  "id" UUID NOT NULL,
  "name" VARCHAR(50) NOT NULL,
  PRIMARY KEY ("id"),
  UNIQUE ("name")
);

-- +retort downgrade
-- REVIEW: drops table platforms and all its data
DROP TABLE platforms;
