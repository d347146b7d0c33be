-- up
ALTER TABLE counters ALTER COLUMN m DROP DEFAULT;
DROP SEQUENCE m_numbers;
-- down
CREATE SEQUENCE m_numbers AS integer;
ALTER SEQUENCE m_numbers OWNED BY counters.m;
COMMENT ON SEQUENCE m_numbers IS 'owned';
ALTER TABLE counters ALTER COLUMN m SET DEFAULT nextval('m_numbers'::regclass);
