-- up
ALTER SEQUENCE m_numbers CACHE 50;
COMMENT ON SEQUENCE m_numbers IS NULL;
-- down
ALTER SEQUENCE m_numbers CACHE 1;
COMMENT ON SEQUENCE m_numbers IS 'owned';
