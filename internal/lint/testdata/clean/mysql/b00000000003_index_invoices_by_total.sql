-- index invoices by total
--
-- Revision ID: b00000000003
-- Revises: b00000000002
-- Create Date: 2026-02-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE INDEX invoices_total_idx ON invoices (total) ALGORITHM=INPLACE LOCK=NONE;

-- +retort downgrade
DROP INDEX invoices_total_idx ON invoices;
