-- Keep the numbering in step with production.
--
-- Revision ID: 5e1f00d0cafe
-- Revises: 1f3a9c2b7d4e

-- +retort upgrade
-- +retort empty
-- Nothing to do: production got this change by hand.

-- +retort downgrade
-- +retort EMPTY
