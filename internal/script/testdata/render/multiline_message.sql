-- Backfill slugs.
--
-- Runs in batches;
--
--
--   keeps
-- locks short.
-- + retort upgrade is not a marker here
--
-- Revision ID: 9f8e7d6c5b4a
-- Revises: 1f3a9c2b7d4e
-- Create Date: 2026-01-02 03:04:05-05:30
-- Branch Labels:
-- Depends On:

-- +retort upgrade
UPDATE a SET slug = lower(name);

-- +retort downgrade
-- Write the downgrade SQL here.
