-- initial schema
--
-- Revision ID: 8e2d4b6a1c0f
-- Revises:
-- Create Date: 2026-11-25 21:34:20.747359
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE "contents" (
  "id" UUID NOT NULL,
  "title" VARCHAR(255) NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("id")
);

CREATE TABLE "trends" (
  "id" UUID NOT NULL,
  "keyword" VARCHAR(100) NOT NULL,
  "score" double precision NOT NULL,
  "detected_at" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("id"),
  UNIQUE ("keyword")
);

-- +retort downgrade
-- REVIEW: drops table trends and all its data
DROP TABLE trends;

-- REVIEW: drops table contents and all its data
DROP TABLE contents;
