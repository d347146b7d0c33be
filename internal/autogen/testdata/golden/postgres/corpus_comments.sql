-- upgrade
COMMENT ON COLUMN invoices.id IS 'it''s the number';

COMMENT ON COLUMN invoices.total IS NULL;

COMMENT ON COLUMN invoices.memo IS 'free text, shown on the PDF';

COMMENT ON TABLE invoices IS 'customer invoices';

-- downgrade
COMMENT ON TABLE invoices IS 'bills';

COMMENT ON COLUMN invoices.memo IS NULL;

COMMENT ON COLUMN invoices.total IS 'in cents';

COMMENT ON COLUMN invoices.id IS NULL;
