-- upgrade
COMMENT ON COLUMN customer.id IS 'key';

COMMENT ON COLUMN customer.name IS 'given and family name';

COMMENT ON COLUMN customer.tier IS NULL;

COMMENT ON TABLE customer IS 'it''s "new"';

-- downgrade
COMMENT ON TABLE customer IS 'old';

COMMENT ON COLUMN customer.tier IS 'to go';

COMMENT ON COLUMN customer.name IS 'full name';

COMMENT ON COLUMN customer.id IS NULL;
